# Shared by the benches that time crowdaudit against R (source it): each measurement is one
# process's elapsed time and peak memory, from GNU time, so both sides are measured alike.

# Prints "seconds kilobytes" for a command.
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$log" "$@" > /dev/null
  cat "$log"
  rm -f "$log"
}

# The median of "seconds kilobytes" lines (each column on its own).
median() {
  local lines
  lines=$(cat)
  local count middle
  count=$(printf '%s\n' "$lines" | grep -c .)
  middle=$(( (count + 1) / 2 ))
  echo "$(printf '%s\n' "$lines" | awk '{ print $1 }' | sort -g | sed -n "${middle}p") $(printf '%s\n' "$lines" | awk '{ print $2 }' | sort -g | sed -n "${middle}p")"
}

# The cores and the load, since ratios on a shared machine depend on both.
machine() {
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) ($1)"
}
