// The photo library's screens, one chunk the shell loads when the library is first opened.
export { default as LibraryPage } from './LibraryPage';
export { default as PhotoPage } from './PhotoPage';
