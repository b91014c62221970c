/** Writes `data-dictionary/<slug>.md` for every campaign (`npm run docs`). */
import fs from 'node:fs';
import path from 'node:path';
import { renderCampaignMarkdown } from './campaign-markdown';
import { DEFAULT_DICTIONARY_DIRECTORY, loadCampaigns } from './load-campaigns';

export function writeCampaignDocs(directory: string = DEFAULT_DICTIONARY_DIRECTORY): string[] {
  return loadCampaigns(directory).list().map((campaign) => {
    const file = path.join(directory, `${campaign.slug}.md`);
    fs.writeFileSync(file, renderCampaignMarkdown(campaign));
    return file;
  });
}

if (require.main === module) {
  for (const file of writeCampaignDocs()) process.stdout.write(`wrote ${file}\n`);
}
