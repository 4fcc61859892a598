// Copying to the clipboard of the secretary's own terminal (issue 25): OSC 52 travels with the output,
// so it works over SSH too. tmux with `set-clipboard on` takes the plain sequence from the program
// inside it (and sets its buffer), so it is not wrapped for tmux's passthrough.
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
