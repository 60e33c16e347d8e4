export { type SavedImage, type SaveImagesOptions, saveImages } from "./files.js";
