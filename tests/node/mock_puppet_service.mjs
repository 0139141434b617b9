// The real wechaty-puppet-service serving wechaty-puppet-mock, with TLS disabled, for the
// integration test. Setup comes as JSON in argv[2]; the test drives it with JSON lines on stdin
// and reads JSON lines on stdout:
//   {"cmd":"say","from":ID,"room":ROOM_ID|null,"text":TEXT}  a person writes (null: to the bot)
//   {"cmd":"logout"} / {"cmd":"login"}
//   <- {"event":"listening"},
//      {"event":"sent","conversation":ID,"text":...,"mentions":[...],"at":MILLISECONDS_SINCE_EPOCH}
import readline from 'node:readline'
import cuid from 'cuid'
import * as PUPPET from 'wechaty-puppet'
import { PuppetServer } from 'wechaty-puppet-service'
import { PuppetMock, mock } from 'wechaty-puppet-mock'

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

// PuppetMock ignores mentions and returns no message id; record what the bot sends, echo it
// back as a message event (as WeChat does) and return its id (as real puppets do).
class RecordingPuppetMock extends PuppetMock {
  async messageSendText (conversationId, text, mentionIdList = []) {
    if (!this.isLoggedIn) throw new Error('not logged in')
    const inRoom = conversationId.includes('@')
    const msg = this.mocker.MessageMock.create({
      id: cuid(),
      talkerId: this.currentUserId,
      timestamp: Date.now(),
      type: PUPPET.types.Message.Text,
      text,
      ...(inRoom ? { roomId: conversationId, mentionIdList } : { listenerId: conversationId }),
    })
    out({ event: 'sent', conversation: conversationId, text, mentions: mentionIdList, at: Date.now() })
    this.emit('message', { messageId: msg.id })
    return msg.id
  }
}

const setup = JSON.parse(process.argv[2])
const mocker = new mock.Mocker()
const puppet = new RecordingPuppetMock({ mocker })
const server = new PuppetServer({ endpoint: `127.0.0.1:${setup.port}`, puppet, token: setup.token })
await server.start()

const bot = mocker.createContact({ id: setup.bot.id, name: setup.bot.name })
const contacts = {}
for (const c of setup.contacts) contacts[c.id] = mocker.createContact(c)
const rooms = {}
for (const r of setup.rooms) {
  rooms[r.id] = mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: [bot.id, ...r.members] })
}
mocker.login(bot)
out({ event: 'listening', port: setup.port })

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  try {
    const cmd = JSON.parse(line)
    if (cmd.cmd === 'say') {
      contacts[cmd.from].say(cmd.text).to(cmd.room ? rooms[cmd.room] : bot)
    } else if (cmd.cmd === 'logout') {
      puppet.logout()
    } else if (cmd.cmd === 'login') {
      mocker.login(bot)
    }
    out({ event: 'done', cmd: cmd.cmd })
  } catch (e) {
    out({ event: 'error', error: String(e) })
  }
})
process.stdin.on('end', async () => { await server.stop(); process.exit(0) })
