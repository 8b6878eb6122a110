// Every strings file loaded after the first screen: all of the other languages, and English's
// on-demand namespaces (the same list as in src/i18n.ts). A module of its own, so the first screen
// carries one import instead of an entry per file.
type Module = { default: Record<string, unknown> };

export const files: Record<string, () => Promise<Module>> = {
  ...import.meta.glob<Module>(['./*/*.json', '!./en/*.json']),
  ...import.meta.glob<Module>(
    './en/{achievements,about,announcements,antennas,catchup,channels,clips,drive,explore,profile,reactions}.json',
  ),
};
