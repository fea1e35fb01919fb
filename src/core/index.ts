// The front-neutral evaluation core: rules, values, findings, waivers and settings.
export * from "./bounded-text";
export * from "./classification";
export * from "./classification-levels";
export * from "./config";
export * from "./evaluate";
export * from "./finding";
export * from "./outcome";
export * from "./ref";
export * from "./rule";
export * from "./settings";
export * from "./value";
export * from "./waiver-choice";
export * from "./waiver-file";
export * from "./waiver-glob";
export * from "./waiver-tags";
export * from "./waivers";
