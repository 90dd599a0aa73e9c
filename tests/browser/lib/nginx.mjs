// A real nginx serving a built site with the configuration docs/deploy.md documents, for
// the browser tests (`scripts/browser-test --built DIR --nginx`): the ```nginx block is
// taken out of that file, its two placeholder lines set to a free port on 127.0.0.1 and
// the site's folder, and put in an `http` block with Debian's mime.types, as Debian's
// nginx.conf includes a site. nginx runs as one process (`master_process off`, `daemon
// off`) with its pid file, error log and temporary folders in a temporary folder; in that
// mode it never switches user, so it reads the site as whoever runs the tests, and
// killing that one process stops it all. tests/it/nginx_serves.rs starts it the same way
// and checks the headers over HTTP.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const NGINX = "/usr/sbin/nginx";
const MIME_TYPES = "/etc/nginx/mime.types";
const DEPLOY_DOC = resolve(dirname(fileURLToPath(import.meta.url)), "../../../docs/deploy.md");
const PLACEHOLDER = "# placeholder:";

/** The one ```nginx block of docs/deploy.md. */
export function documentedBlock() {
  const blocks = readFileSync(DEPLOY_DOC, "utf8").split("```nginx\n").slice(1);
  if (blocks.length !== 1) throw new Error(`docs/deploy.md has ${blocks.length} \`\`\`nginx blocks, not one`);
  return blocks[0].split("\n```")[0] + "\n";
}

/** The block with its placeholder lines set: listen to 127.0.0.1:`port`, root to `root`. */
export function configured(block, port, root) {
  const set = [];
  const lines = block.split("\n").map((line) => {
    const at = line.indexOf(PLACEHOLDER);
    if (at < 0) return line;
    const indent = line.match(/^\s*/)[0];
    const name = line.slice(0, at).trim().split(/\s+/)[0];
    set.push(name);
    if (name === "listen") return `${indent}listen 127.0.0.1:${port};`;
    if (name === "root") return `${indent}root ${root};`;
    throw new Error(`a placeholder on a \`${name}\` line of docs/deploy.md: only listen and root`);
  });
  if (set.sort().join(" ") !== "listen root") {
    throw new Error(`docs/deploy.md's nginx block has placeholders for [${set}], not for listen and root`);
  }
  return lines.join("\n");
}

/** A port nothing listens on now, on 127.0.0.1. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

function answers(port) {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

/** Starts nginx over `root`; resolves to `{ url, close }` once it listens. */
export async function serveWithNginx(root) {
  if (!existsSync(NGINX)) {
    throw new Error(`nginx is not installed (${NGINX} is missing): install it with \`apt-get install nginx-light\` (.ci/run does)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "stp-nginx-"));
  mkdirSync(join(dir, "temp"));
  const port = await freePort();
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `${kind}_temp_path ${dir}/temp/${kind};`)
    .join("\n");
  writeFileSync(
    join(dir, "nginx.conf"),
    `master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
include ${MIME_TYPES};
default_type application/octet-stream;
access_log off;
${temp}
${configured(documentedBlock(), port, resolve(root))}
}
`,
  );
  const child = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let said = "";
  child.stderr.on("data", (chunk) => (said += chunk));
  let exited = null;
  child.once("exit", (code, signal) => (exited = `${code ?? signal}`));
  const log = () => said + readFileSync(join(dir, "error.log"), { encoding: "utf8", flag: "a+" });
  const close = async () => {
    if (exited === null) {
      const gone = new Promise((done) => child.once("exit", done));
      child.kill("SIGKILL");
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const started = Date.now();
  while (!(await answers(port))) {
    if (exited !== null || Date.now() - started > 20000) {
      const why = exited !== null ? `stopped (${exited})` : "did not listen in 20 s";
      const text = log();
      await close();
      throw new Error(`nginx ${why}:\n${text}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return { url: `http://127.0.0.1:${port}`, close };
}
