export class InvalidEmailError extends Error {
  constructor(reason: string) {
    super(`Email refused: ${reason}`);
    this.name = 'InvalidEmailError';
  }
}
