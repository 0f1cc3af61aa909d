// Admin: while a reindex runs, poll /api/admin/status (the login cookie authorises reads) and show live progress.
(function () {
  'use strict';
  var card = document.getElementById('reindex');
  if (!card || card.getAttribute('data-running') !== 'true') { return; }
  var stages = { start: '准备', read: '读取文件', parse: '解析与标注', relabel: '重新标注', commit: '写入索引' };
  var stage = card.querySelector('.stage');
  var bar = card.querySelector('progress');
  var text = card.querySelector('.progress-text');

  function poll() {
    fetch('/api/admin/status', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (s) {
        if (!s.running) {
          // The same page again (it is a GET: an upload's outcomes stay listed), at the run's report.
          location.hash = 'report';
          location.reload();
          return;
        }
        stage.textContent = '正在更新：' + (stages[s.stage] || s.stage);
        // No "0/1" before anything was done: the count and the bar appear with the first file done.
        bar.hidden = !(s.total > 0 && s.done > 0);
        bar.max = Math.max(1, s.total);
        bar.value = s.done;
        text.textContent = s.total > 0 && s.done > 0 ? s.done + '/' + s.total : '';
        setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }

  poll();
})();
