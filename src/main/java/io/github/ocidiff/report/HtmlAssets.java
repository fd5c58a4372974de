package io.github.ocidiff.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The HTML report's one stylesheet and one script, and the Content-Security-Policy that admits exactly
 * these two by hash: markup that slipped into the data could then neither run script nor restyle the page.
 * The page references nothing outside itself, so it reads the same from a mailbox, a bucket or a laptop.
 */
final class HtmlAssets {

    static final String STYLE = """
            :root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--created:#1a7f37;\
            --deleted:#cf222e;--modified:#9a6700;--moved:#0969da;--transient:#8250df;--unattributed:#59636e;\
            --warn-bg:#fff8c5;--warn-line:#d4a72c;--gap-bg:#ffebe9;--gap-line:#cf222e;--add-bg:#dafbe1;--del-bg:#ffebe9;\
            color-scheme:light dark}
            @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;\
            --panel:#151b23;--created:#3fb950;--deleted:#f85149;--modified:#d29922;--moved:#4493f8;--transient:#ab7df8;\
            --unattributed:#9198a1;--warn-bg:#272115;--warn-line:#9e6a03;--gap-bg:#25171c;--gap-line:#f85149;\
            --add-bg:#12261e;--del-bg:#2d1517}}
            *{box-sizing:border-box}
            [hidden]{display:none!important}
            body{margin:0 auto;max-width:80rem;padding:1rem 1.25rem 3rem;background:var(--bg);color:var(--fg);\
            font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
            h1{font-size:1.5rem;margin:.25rem 0 .5rem}
            h2{font-size:1.15rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
            h3{font-size:.9rem;margin:.8rem 0 .3rem}
            header p{margin:.15rem 0}
            code,pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            code{overflow-wrap:anywhere}
            .muted{color:var(--muted)}
            .status{font-weight:600}
            .status.bad{color:var(--deleted)}
            .banner{border:1px solid;border-left-width:6px;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
            .banner p{margin:.2rem 0}
            .banner ul{margin:.2rem 0;padding-left:1.25rem}
            .banner.warning{background:var(--warn-bg);border-color:var(--warn-line)}
            .banner.coverage{background:var(--gap-bg);border-color:var(--gap-line)}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(8rem,1fr));gap:.6rem;margin:1rem 0}
            .created{--c:var(--created)}
            .deleted{--c:var(--deleted)}
            .modified{--c:var(--modified)}
            .moved{--c:var(--moved)}
            .transient{--c:var(--transient)}
            .unattributed{--c:var(--unattributed)}
            .unwaived,.expired{--c:var(--deleted)}
            .waived{--c:var(--created)}
            .suppressed{--c:var(--unattributed)}
            .card{background:var(--panel);border:1px solid var(--line);border-top:4px solid var(--c,var(--muted));\
            border-radius:6px;padding:.45rem .8rem}
            .card .n{display:block;font-size:1.8rem;font-weight:700;line-height:1.2}
            .kind{display:inline-block;font-size:.72rem;font-weight:700;letter-spacing:.02em;padding:.05rem .4rem;\
            border:1px solid var(--line);border-left:5px solid var(--c,var(--muted));border-radius:4px}
            .waiver{display:inline-block;font-size:.75rem;font-weight:600;padding:.05rem .45rem;margin:.15rem 0;\
            border:1px solid var(--c);border-radius:999px;color:var(--c)}
            .note{font-size:.8rem;color:var(--muted)}
            .verdict{border:1px solid var(--c);border-left-width:6px;border-radius:6px;padding:.6rem 1rem;margin:.6rem 0}
            .verdict.unwaived{background:var(--gap-bg)}
            .verdict.clean{--c:var(--created);background:var(--add-bg)}
            h3.compartment{font-size:1rem;margin:1.2rem 0 .3rem}
            table.compliance{table-layout:fixed}
            table.compliance th:nth-child(1){width:30%}
            table.compliance th:nth-child(2){width:7.5rem}
            table.compliance th:nth-child(3){width:30%}
            a{color:var(--moved)}
            td.date,table.waivers .waiver{white-space:nowrap}
            .waiver-note{border-left:4px solid var(--c);padding:.3rem .6rem;margin:.4rem 0}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
            th{font-size:.8rem;font-weight:600;color:var(--muted)}
            .num{text-align:right}
            .filters{display:flex;flex-wrap:wrap;gap:.5rem .9rem;align-items:flex-end;margin:.4rem 0}
            .filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}
            .filters select,.filters input{font:inherit;color:var(--fg);background:var(--bg);max-width:15rem;\
            padding:.25rem;border:1px solid var(--line);border-radius:4px}
            #shown{font-weight:600;margin:.4rem 0}
            table.changes>tbody>tr.row>td{border-bottom:0}
            table.changes>tbody>tr.more>td{padding-top:0}
            table.changes>tbody:nth-of-type(even){background:var(--panel)}
            details>summary{cursor:pointer;color:var(--muted);font-size:.85rem}
            .detail{padding:.2rem 0 .6rem}
            .detail table{margin:.2rem 0}
            .caveat{border-left:4px solid var(--warn-line);background:var(--warn-bg);padding:.3rem .6rem;margin:.4rem 0}
            pre.diff{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.3rem 0;\
            margin:.2rem 0;overflow-x:auto}
            pre.diff span{display:inline-block;min-width:100%;padding:0 .6rem}
            pre.diff .add{background:var(--add-bg)}
            pre.diff .del{background:var(--del-bg)}
            svg.trend{display:block;max-width:100%;height:auto}
            svg .grid{stroke:var(--line)}
            svg .axis{fill:var(--muted);font-size:11px}
            svg .hit{fill:transparent}
            svg .bar{fill:var(--moved)}
            svg .bar.partial{fill:var(--modified)}
            svg .night:hover .bar{opacity:.7}
            .legend{font-size:.8rem;color:var(--muted)}
            .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:middle}
            .swatch.partial{background:var(--modified)}
            footer{margin-top:2.5rem;font-size:.8rem}
            @media (max-width:720px){
            body{padding:.6rem .7rem 2rem;font-size:14px}
            table.changes>thead,table.compliance>thead{display:none}
            table.changes,table.changes>tbody,table.changes>tbody>tr,table.changes>tbody>tr>td,\
            table.compliance,table.compliance>tbody,table.compliance>tbody>tr,table.compliance>tbody>tr>td{display:block;width:100%}
            table.changes>tbody,table.compliance>tbody>tr{border:1px solid var(--line);border-radius:6px;margin:.6rem 0;\
            padding:.35rem .6rem}
            table.changes>tbody>tr>td,table.compliance>tbody>tr>td{border:0;padding:.1rem 0}
            table.changes>tbody>tr>td[data-label]::before,table.compliance>tbody>tr>td[data-label]::before{\
            content:attr(data-label) ": ";color:var(--muted);font-size:.8rem}
            .filters select,.filters input{max-width:100%}
            .filters label{flex:1 1 9rem}
            }
            """;

    /** Filters the changes table; reads the data from escaped data-* attributes and never evaluates it. */
    static final String SCRIPT = """
            (function () {
              'use strict';
              var table = document.getElementById('changes-table');
              if (!table) {
                return;
              }
              var filters = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
              var rows = Array.prototype.map.call(table.querySelectorAll('tbody.change'), function (body) {
                return {body: body, actors: JSON.parse(body.getAttribute('data-actors')),
                  text: body.textContent.toLowerCase()};
              });
              var shown = document.getElementById('shown');
              function matches(row, filter) {
                var key = filter.getAttribute('data-filter');
                var want = filter.value;
                if (key === 'text') {
                  return row.text.indexOf(want.trim().toLowerCase()) >= 0;
                }
                if (want === '') {
                  return true;
                }
                if (key === 'actors') {
                  return row.actors.indexOf(want) >= 0;
                }
                return row.body.getAttribute('data-' + key) === want;
              }
              function apply() {
                var count = 0;
                rows.forEach(function (row) {
                  var keep = filters.every(function (filter) {
                    return matches(row, filter);
                  });
                  row.body.hidden = !keep;
                  if (keep) {
                    count++;
                  }
                });
                shown.textContent = count + ' of ' + rows.length + ' shown';
              }
              filters.forEach(function (filter) {
                filter.addEventListener('input', apply);
                filter.addEventListener('change', apply);
              });
              document.getElementById('filters').hidden = false;
              apply();
            })();
            """;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src " + sha256(SCRIPT) + "; style-src "
            + sha256(STYLE) + "; base-uri 'none'; form-action 'none'";

    private HtmlAssets() {
    }

    /** A CSP source expression for an inline element whose text is exactly {@code text}. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
