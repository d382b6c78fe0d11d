module.exports = async () => {
  if (globalThis.__CREDIT_DEVDB__) await globalThis.__CREDIT_DEVDB__.stop();
};
