// The second of the two e2e groups `npm test` runs side by side (see scenarios.mjs).
import { importScenarios } from './scenarios.mjs';

await importScenarios(1, 2);
