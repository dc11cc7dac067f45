"""The platform's QR tasks (docs/protocols/qr-tasks.md): model, repository, rules, routes, and
the platform's task-signing certificate."""
