// Words and tool names for the list benchmark's generated trajectories. Words come most
// frequent first (the generator draws them with a skew, as prose has), stop words left out
// since the search vector drops them anyway.
const prose = `
user tool call result error request response file search query data model answer task weather
flight booking reservation customer order payment ticket account email message calendar event meeting
date time city price hotel issue repository branch commit pull review comment document page table
list name value status update create delete check return need please thanks help find show want
information details available option change cancel confirm number total first last next previous
airline passenger seat baggage refund policy membership gold silver insurance cabin economy business
schedule reminder note summary report chart sales revenue customer product inventory stock warehouse
shipping address phone contact profile settings permission access token limit timeout retry failed
success found missing invalid valid required optional parameter argument function schema field type
string integer boolean array object json output input context window tokens budget step plan reason
think look tried again correct wrong expected actual difference compare match filter sort group count
average maximum minimum sum weekly monthly yearly today tomorrow yesterday morning evening night week
month year hour minute second paris berlin london tokyo york madrid rome amsterdam boston chicago
seattle denver austin miami dallas atlanta toronto sydney singapore dubai mumbai lagos cairo lima
temperature forecast rain snow wind sunny cloudy humidity degrees celsius fahrenheit umbrella jacket
restaurant menu dinner lunch breakfast table reservation party guests cuisine vegetarian allergy
music song playlist artist album track video movie show episode channel stream podcast news article
headline source author published link website url domain server database query index migration
deploy build test pipeline job container cluster node pod service endpoint latency throughput memory
disk cpu usage alert incident outage postmortem owner team project milestone sprint backlog story
epic label priority assignee reporter resolution duplicate blocked progress done open closed merged
invoice receipt balance transfer deposit withdrawal currency exchange rate dollar euro yen pound
stock share market portfolio dividend earnings quarter fiscal forecast growth decline percent
recipe ingredient cup tablespoon oven bake minutes boil salt pepper garlic onion tomato cheese
patient appointment doctor clinic prescription dose symptom diagnosis insurance claim coverage
student course lecture assignment grade exam homework deadline semester professor library book
chapter section paragraph sentence word translation language english french german spanish
japanese chinese summary bullet outline draft revise edit proofread format markdown heading
spreadsheet cell column row formula pivot chart workbook sheet range lookup vlookup import export
photo image picture camera album upload download share folder drive storage quota sync backup
route directions distance miles kilometers traffic drive walk transit bus train station airport
terminal gate departure arrival delay boarding pass itinerary layover connection upgrade standby
`;

const rare = `
quasar meridian obsidian zephyr labyrinth halcyon ephemeral serendipity quintessential juxtapose
palimpsest sesquipedalian mellifluous petrichor sonder vellichor apricity eunoia limerence hiraeth
kerfuffle brouhaha gobbledygook flibbertigibbet lollygag bamboozle skedaddle hullabaloo cattywampus
widdershins snollygoster taradiddle bumfuzzle collywobbles gardyloo lickety formication absquatulate
agastopia bibliosmia cacophony defenestration epistemology fastidious garrulous hyperbole iconoclast
jocund kowtow lugubrious machination nefarious obfuscate parsimonious quixotic recalcitrant sycophant
truculent ubiquitous vicissitude winsome xenial yokel zealous anachronism bucolic cognizant diaphanous
effervescent fulcrum gossamer harbinger imbroglio jubilant kaleidoscope luminous mnemonic nebulous
oblivion panacea quagmire raconteur soliloquy tintinnabulation umbrage verisimilitude wanderlust
xylophone yesteryear zenith aplomb bravado chicanery debacle enigma fiasco gambit hubris impetus
juggernaut kudos leitmotif malaise nadir onus paradigm quandary rapport schadenfreude tableau
umami vendetta wherewithal zeitgeist acumen behemoth conundrum dichotomy epiphany facade grandiose
`;

const servers = [
  "github",
  "gitlab",
  "slack",
  "notion",
  "jira",
  "linear",
  "google_calendar",
  "gmail",
  "outlook",
  "weather",
  "maps",
  "airline",
  "hotel",
  "stripe",
  "shopify",
  "salesforce",
  "hubspot",
  "zendesk",
  "postgres",
  "mysql",
  "filesystem",
  "browser",
  "search",
  "wikipedia",
  "arxiv",
  "youtube",
  "spotify",
  "twitter",
  "reddit",
  "discord",
];
const verbs = ["get", "list", "search", "create", "update", "delete", "send", "fetch", "query", "run"];

/**
 * A long text to cut trajectories from: words drawn with a skew, with the ids, numbers and
 * JSON punctuation that tool outputs are full of (they make most lexemes of a real episode).
 */
export function makeCorpus(words: string[], tools: string[], length: number) {
  let seed = 1234;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const r = rnd();
    if (r < 0.08) out.push(`"id": "${Math.floor(rnd() * 0xffffffff).toString(16)}",`);
    else if (r < 0.14) out.push(String(Math.floor(rnd() * 100_000)));
    else if (r < 0.16)
      out.push(`${tools[Math.floor(rnd() ** 2 * tools.length)]}({"q": "${words[Math.floor(rnd() * words.length)]}"})`);
    else out.push(words[Math.floor(rnd() ** 2.2 * words.length)]);
  }
  return out.join(" ");
}

export function makeVocabulary() {
  const words = [...new Set(prose.split(/\s+/).filter(Boolean))];
  words.push(...new Set(rare.split(/\s+/).filter(Boolean)));
  // servers in order of popularity, verbs likewise: the first names are the most used tools
  const tools = servers.flatMap((s) => verbs.map((v) => `${s}_${v}`));
  const phrases = ["tool call", "call result", "weather forecast", "flight booking", "customer order", "file search"];
  return { words, tools, phrases };
}
