// `npm run generate-demo`: writes the demo municipality's invented figures into data/ with a fixed
// seed, so the same files come out on every machine. Every name says that the figures are invented.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './lib/config.ts';
import { decisionsCsv, placementsCsv, type SyntheticOptions } from './lib/synthetic.ts';

const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(projectRoot, 'data');
const SOURCE = 'demo';
const options: SyntheticOptions = {
  seed: 20260101,
  firstYear: 2016,
  quarters: 40,
  source: SOURCE,
  units: [
    { code: '9999', name: 'Exempelstad (påhittade siffror)', size: 600 },
    { code: '9999-01', name: 'Exempelstad Norr (påhittade siffror)', size: 160 },
    { code: '9999-02', name: 'Exempelstad Centrum (påhittade siffror)', size: 260 },
    { code: '9999-03', name: 'Exempelstad Söder (påhittade siffror)', size: 180 },
  ],
};

const files: Record<string, string> = {
  'kallor_demo.csv': 'kalla;titel;utgivare;datum;url;pahittad\n' +
    `${SOURCE};Påhittade siffror för att visa webbplatsen;socialstatistik;2026-01-01;;ja\n`,
  // befolkning (inhabitants 0–20, invented like the rest): about 40 per child placed at a time.
  'enheter_demo.csv': 'enhetskod;enhetsnamn;niva;overordnad;befolkning\n' +
    options.units.map((u) => `${u.code};${u.name};${u.code.includes('-') ? 'stadsdel' : 'kommun'};${u.code.includes('-') ? '9999' : ''};${u.size * 40}`).join('\n') + '\n',
  'placeringar_demo.csv': placementsCsv(options),
  'ej_verkstallda_beslut_demo.csv': decisionsCsv({ ...options, units: options.units.slice(0, 1) }),
  'natverkshemsandel_demo.csv': 'period;enhetskod;enhetsnamn;andel;typ;kalla\n' +
    `2025;9999;Exempelstad (påhittade siffror);30;mal;${SOURCE}\n`,
  'handelser_demo.csv': 'datum;enhetskod;rubrik;beskrivning;kalla\n' +
    `2019-09-01;9999;Nätverksteam startar (påhittad);Påhittad händelse i demokommunen: ett team för nätverksplaceringar startar.;${SOURCE}\n` +
    `2022-03-01;9999;Ny rekrytering av familjehem (påhittad);Påhittad händelse i demokommunen.;${SOURCE}\n`,
};
for (const [name, text] of Object.entries(files)) {
  await writeFile(path.join(out, name), text);
  console.log(`skrev ${path.join(out, name)} (${text.split('\n').length - 2} rader)`);
}
