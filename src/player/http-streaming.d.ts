// @videojs/http-streaming ships no types. It is imported only for its side effect: registering
// its source handler on the video.js Html5 tech.
declare module '@videojs/http-streaming';
