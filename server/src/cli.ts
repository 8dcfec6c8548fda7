// Placeholder headless entry point; replaced by the validator and artifact helpers.
process.stderr.write('usage: tilebox-workflow-check check|preview|build ...\n');
process.exit(2);
