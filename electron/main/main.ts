// Placeholder: the Electron shell is built in its own step.
export {};
