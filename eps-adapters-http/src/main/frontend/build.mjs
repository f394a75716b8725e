// Builds the web pages' front end into the jar: the NHS design system (nhsuk-frontend, compiled CSS and JavaScript,
// images) and this service's own small style sheet and start-up script, under <out>/assets, with
// <out>/assets.properties naming each file by its logical name. Files whose content may change within a release carry
// a content hash (or the nhsuk-frontend version) in their name, so the server can let browsers cache them for a year.
//
// Usage: node build.mjs <out directory>. Runs `npm ci` first when node_modules is missing or was installed from
// another package-lock.json, so a fresh clone builds online and a build with node_modules in place needs no network.
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = process.argv[2]
if (!out) {
  throw new Error('usage: node build.mjs <out directory>')
}

const sha256 = (content) => createHash('sha256').update(content).digest('hex')

function installDependencies () {
  const lock = readFileSync(join(here, 'package-lock.json'))
  const stamp = join(here, 'node_modules', '.openeps-lock-sha256')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === sha256(lock)) {
    return
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' })
  if (result.error || result.status !== 0) {
    throw new Error('npm ci failed (' + (result.error ?? 'exit status ' + result.status) + '): the web pages need' +
      ' nhsuk-frontend from the npm registry once; later builds reuse node_modules')
  }
  writeFileSync(stamp, sha256(lock))
}

installDependencies()

const frontend = join(here, 'node_modules', 'nhsuk-frontend')
const version = JSON.parse(readFileSync(join(frontend, 'package.json'), 'utf8')).version
const dist = join(frontend, 'dist', 'nhsuk')
const assets = join(out, 'assets')
rmSync(out, { recursive: true, force: true })
mkdirSync(assets, { recursive: true })

const names = {}
// nhsuk-frontend's style sheet refers to its images as /assets/images/...: they keep their names and place
cpSync(join(dist, 'assets', 'images'), join(assets, 'images'), { recursive: true })
cpSync(join(dist, 'assets', 'manifest.json'), join(assets, 'manifest.json'))
for (const [name, file] of [['nhsuk.css', `nhsuk-frontend-${version}.min.css`],
  ['nhsuk.js', `nhsuk-frontend-${version}.min.js`]]) {
  cpSync(join(dist, file), join(assets, file))
  names[name] = file
}

function hashed (name, content) {
  const dot = name.lastIndexOf('.')
  const file = `${name.slice(0, dot)}-${sha256(content).slice(0, 12)}${name.slice(dot)}`
  writeFileSync(join(assets, file), content)
  names[name] = file
}

hashed('openeps.css', readFileSync(join(here, 'src', 'openeps.css')))
hashed('js-enabled.js', readFileSync(join(here, 'src', 'js-enabled.js')))
// nhsuk-frontend is an ES module: the start-up script imports it by its versioned name and starts every component
hashed('openeps.js', `import { initAll } from './${names['nhsuk.js']}'\n` +
  readFileSync(join(here, 'src', 'openeps.js'), 'utf8'))

names['nhsuk-frontend.version'] = version
writeFileSync(join(out, 'assets.properties'), Object.entries(names).map(([k, v]) => `${k}=${v}`).join('\n') + '\n')
// every file the server serves, so it can load them from the jar without listing a directory
const files = readdirSync(assets, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  .map((entry) => relative(assets, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/')).sort()
writeFileSync(join(out, 'assets.list'), files.join('\n') + '\n')
console.log(`OpenEPS web assets: nhsuk-frontend ${version}, ${files.length} files in ${assets}`)
