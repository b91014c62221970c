// After each reliability test file: stop the servers a failed test left running.
import { stopLeftoverServers } from './server-process';

afterAll(stopLeftoverServers);
