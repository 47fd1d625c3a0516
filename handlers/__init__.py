"""The thin Telegram layer: handlers call the assistant and send what it returns."""
