function shimFetch(url) {
  if (typeof fetch === "function") return fetch(url);
  return Promise.reject(new Error("fetch is not available"));
}

module.exports = { shimFetch };
