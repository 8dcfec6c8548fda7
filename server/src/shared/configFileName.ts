// The one name of the workflow config file; every reader, watcher and glob derives from it.
export const CONFIG_FILE_NAME = 'tilebox.workflow.toml';
