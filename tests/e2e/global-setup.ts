// Nothing to prepare beyond the web server (which starts on a fresh data folder with the demo data).
export default async function globalSetup() {}
