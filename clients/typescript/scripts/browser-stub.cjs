// Stands in for node's http, https and events in a browser bundle: the CloudEvents SDK requires them for its own
// transports, which the kit never uses (it sends with fetch).
class EventEmitter {}
module.exports = { EventEmitter };
