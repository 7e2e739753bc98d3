// Baseline: the smallest app that makes an HTTP call.
fetch("https://s3.amazonaws.com/").then((r) => r.text()).then((t) => console.log(t.length));
