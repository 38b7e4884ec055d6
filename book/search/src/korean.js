/* The Korean book's search words (book/search/src/lib.rs builds the index the same way):
   a query is split at every character that is not a letter, a digit or "_"; an English word
   goes through elasticlunr's stop words and stemmer; an all-Hangul word loses a final particle
   and keeps at least two syllables. */
(function () {
  var particles = [
    '에서는', '에게서', '으로는', '에서', '에게', '으로', '로는', '에는', '까지', '부터', '처럼',
    '보다', '하고', '이나', '이다', '과', '와', '를', '을', '가', '이', '은', '는', '의', '에',
    '도', '로', '만'
  ];
  elasticlunr.tokenizer.setSeperator(/[^\p{L}\p{N}_]+/u);
  function trimmer(token) {
    return token === '' ? undefined : token;
  }
  function stemmer(token) {
    if (/^[\x00-\x7f]+$/.test(token)) {
      var kept = elasticlunr.stopWordFilter(elasticlunr.trimmer(token));
      return kept ? elasticlunr.stemmer(kept) : undefined;
    }
    if (/^[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+$/.test(token)) {
      var syllables = Array.from(token).length;
      for (var i = 0; i < particles.length; i++) {
        var p = particles[i];
        if (syllables >= p.length + 2 && token.endsWith(p)) {
          return token.slice(0, token.length - p.length);
        }
      }
    }
    return token;
  }
  elasticlunr.Pipeline.registerFunction(trimmer, 'trimmerKoBook');
  elasticlunr.Pipeline.registerFunction(stemmer, 'stemmerKoBook');
})();
