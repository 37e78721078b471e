/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** The site's base path, always with a trailing slash ('/' or '/intranat/socialstatistik/'). */
  readonly BASE_URL: string;
}
