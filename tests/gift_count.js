// Parses a GIFT file with gift-pegjs (a parser someone else maintains) and prints what it found, as JSON.
const fs = require("fs");
const { parse } = require("gift-pegjs");
const questions = parse(fs.readFileSync(process.argv[2], "utf8"));
const items = questions.filter((q) => q.type !== "Category" && q.type !== "Description");
const types = {};
for (const q of items) types[q.type] = (types[q.type] || 0) + 1;
process.stdout.write(JSON.stringify({ count: items.length, types, ids: items.map((q) => q.title), first: items[0] }));
