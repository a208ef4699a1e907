// Child process for server.exploit.test.ts: browser mode (as cli.ts sets it up: the archive, the
// server, installLastResort) with three extra channels whose work fails outside the request's own
// promise chain, where no try/catch can see it. A line "fatal" on stdin throws outside any request.
// Prints the same start line as cli.ts, so spawnWebServer can start it.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { openStore } from '../store/store';
import { dispatch } from '../api';
import { installLastResort, startWebServer } from '../web/server';

async function main() {
  const folder = path.resolve(process.argv[process.argv.indexOf('--data') + 1]);
  const store = await openStore(folder, { actor: '测试' });
  const hang = new Promise<never>(() => {});
  const server = await startWebServer({
    store,
    staticDir: process.env.DUDAO_STATIC_DIR ?? folder,
    dispatch: (a, channel, input) => {
      if (channel === 'fault.timer') {
        setTimeout(() => { throw new Error('测试故障：计时器里的错误'); }, 5);
        return hang;
      }
      if (channel === 'fault.emitter') {
        setImmediate(() => new EventEmitter().emit('error', new Error('测试故障：没有监听的 error 事件')));
        return hang;
      }
      if (channel === 'fault.rejection') {
        void Promise.reject(new Error('测试故障：没有处理的 Promise 拒绝'));
        return dispatch(a, 'dataFolder.status', {});
      }
      return dispatch(a, channel, input);
    },
  });
  installLastResort(() => {
    store.close();
    process.exit(1);
  });
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'fatal') throw new Error('测试故障：请求之外的错误');
  });
  console.log(`测试服务器已启动：${server.url}`);
}

void main();
