"""The bot process: gateways to chat, the router of inbound messages, the outbox dispatcher."""
