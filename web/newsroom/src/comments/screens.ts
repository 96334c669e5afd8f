// The comment screens, one chunk the shell loads when a moderator first opens one of them.
export { default as ModerationPage } from './ModerationPage';
export { default as BansPage } from './BansPage';
export { default as ReaderPage } from './ReaderPage';
