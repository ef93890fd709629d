// Print a role-level's frames with the canon node behind every quote:
//   node dist/example.js http://127.0.0.1:8000 "Clinical Trials Operations" M5
import { goalPage, joinParts, quotesOf } from "./client.js";

async function main(base: string, family: string, level: string): Promise<void> {
  const role = await goalPage(`${base}/graphql`, family, level);
  console.log(role.page.heading.text);
  for (const frame of role.page.frames) {
    console.log(`\n${frame.title}`);
    for (const section of frame.sections) {
      for (const row of section.rows) {
        const tag = row.tagSource ? `  [${row.sourceTag} → ${base}${row.tagSource.node.url}]` : "";
        console.log(`${row.number}. ${joinParts(row.heading)}${tag}`);
        for (const field of row.fields) {
          console.log(`   ${field.name}: ${joinParts(field.line)}`);
          for (const quote of quotesOf(field.line)) console.log(`     ↳ ${base}${quote.url}`);
        }
      }
    }
  }
}

const [base, family, level] = process.argv.slice(2);
if (base === undefined || family === undefined || level === undefined) {
  console.error("usage: example.js <service URL> <family> <level>");
  process.exit(2);
}
await main(base, family, level);
