/** What the connected editor offers beyond plain LSP, as it said at `initialize`. */
export class ClientFeatures {
    /** The VS Code client registers commands of its own (pickers, dialogs); other editors run the server's. */
    ownCommands = false;
}
