/**
 * claims for Google Docs: a "claims" menu that checks the figures of the open document with a
 * `claims serve` service, highlights each checked figure in the text and lists the findings in
 * a sidebar (verdict word and symbol, not colour alone); "Open full report" shows the HTML
 * report in a dialog.
 *
 * Set two Script Properties (Extensions > Apps Script > Project Settings > Script Properties):
 *   CLAIMS_SERVICE_URL    https://claims.example-newsroom.org   (reachable from Google's servers)
 *   CLAIMS_SERVICE_TOKEN  the token `claims serve` was started with (--token-file)
 */

var COLOURS = {            // light tints of the report's palette; the sidebar carries the words
  error: '#FBE3D6', warning: '#FFF0C2', unverifiable: '#DCEBF7', ok: '#D9F2EA'
};
var SYMBOLS = { error: '\u2716', warning: '\u26A0', unverifiable: '?', ok: '\u2714' };

function onOpen() {
  DocumentApp.getUi().createMenu('claims')
    .addItem('Check figures', 'checkFigures')
    .addItem('Clear highlights', 'clearHighlights')
    .addToUi();
}

/** Check the document, highlight its figures, show the findings. */
function checkFigures() {
  var doc = DocumentApp.getActiveDocument();
  var answer = callService_('/v1/check', storyRequest_(doc));
  var findings = answer.files[0].findings.filter(function (f) { return !f.suppressed; });
  clearHighlights();
  highlight_(doc.getBody(), findings);
  DocumentApp.getUi().showSidebar(
    HtmlService.createHtmlOutput(sidebarHtml_(findings, answer.summary)).setTitle('claims'));
  return findings;
}

/** The full HTML report of the document, in a dialog. */
function openReport() {
  var doc = DocumentApp.getActiveDocument();
  var page = callService_('/v1/report', storyRequest_(doc), true);
  DocumentApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(page).setWidth(1100).setHeight(750), 'claims report');
}

function clearHighlights() {
  var text = DocumentApp.getActiveDocument().getBody().editAsText();
  if (text.getText().length) {
    text.setBackgroundColor(0, text.getText().length - 1, null);
  }
}

function storyRequest_(doc) {
  return { text: doc.getBody().getText(), name: doc.getName() };
}

/** POST JSON to the service; the parsed answer (or the page), or an Error with its message. */
function callService_(path, body, asText) {
  var props = PropertiesService.getScriptProperties();
  var url = props.getProperty('CLAIMS_SERVICE_URL');
  if (!url) {
    throw new Error('Set the CLAIMS_SERVICE_URL script property first.');
  }
  var headers = {};
  var token = props.getProperty('CLAIMS_SERVICE_TOKEN');
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  var response = UrlFetchApp.fetch(url.replace(/\/+$/, '') + path, {
    method: 'post', contentType: 'application/json', payload: JSON.stringify(body),
    headers: headers, muteHttpExceptions: true
  });
  var status = response.getResponseCode();
  var content = response.getContentText();
  if (status !== 200) {
    var message = 'HTTP ' + status;
    try { message = JSON.parse(content).error.message; } catch (e) { /* not JSON */ }
    throw new Error('claims: ' + message);
  }
  return asText ? content : JSON.parse(content);
}

/** Find each figure in order (findText, so offsets never drift) and tint it by verdict. */
function highlight_(body, findings) {
  var after = {};
  findings.forEach(function (f) {
    var pattern = f.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    var found = body.findText(pattern, after[f.text] || null);
    if (!found) {
      return;
    }
    after[f.text] = found;
    found.getElement().asText().setBackgroundColor(
      found.getStartOffset(), found.getEndOffsetInclusive(), COLOURS[f.verdict] || null);
  });
}

function escape_(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function sidebarHtml_(findings, summary) {
  var order = { error: 0, warning: 1, unverifiable: 2, ok: 3 };
  var rows = findings.slice().sort(function (a, b) { return order[a.verdict] - order[b.verdict]; })
    .map(function (f) {
      var expected = f.expected && f.expected.text && f.verdict !== 'ok'
        ? '<br>Expected: ' + escape_(f.expected.text) + (f.expected.range_text
          ? ' (acceptable: ' + escape_(f.expected.range_text) + ')' : '') : '';
      var rate = f.rate ? '<br>Rate: 1 ' + escape_(f.rate.base) + ' = ' + escape_(f.rate.value) +
        ' ' + escape_(f.rate.quote) + ' on ' + escape_(f.rate.date) + ', ' + escape_(f.rate.source) : '';
      return '<li><strong>' + SYMBOLS[f.verdict] + ' ' + f.verdict + ' ' + escape_(f.code) +
        '</strong> \u201C' + escape_(f.text) + '\u201D<br>' + escape_(f.message) + expected + rate + '</li>';
    });
  return '<div style="font:13px/1.45 Arial,sans-serif">' +
    '<p>' + summary.error + ' errors, ' + summary.warning + ' warnings, ' + summary.unverifiable +
    ' unverifiable, ' + summary.ok + ' ok</p>' +
    (rows.length ? '<ol style="padding-left:1.2em">' + rows.join('') + '</ol>'
      : '<p>No figures were checked.</p>') +
    '<button onclick="google.script.run.openReport()">Open full report</button></div>';
}
