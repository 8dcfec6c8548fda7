// Every e2e scenario, one after another, in one process (see scenarios.mjs).
import { importScenarios } from './scenarios.mjs';

await importScenarios();
