namespace HomelabGate.Daemon.Status;

/// <summary>The status page's inline stylesheet: system fonts, readable on a phone (tables become stacked rows and
/// definition lists one column below 640 px; long names, URLs and messages wrap anywhere rather than widen the page),
/// light and dark by the device's preference, and states shown by words as well as colour.</summary>
public static class StatusPageStyle
{
    public const string Css = """
        :root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--card:#f6f8fa;--line:#d0d7de;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--link:#0969da}
        @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#8d96a0;--bg:#0d1117;--card:#161b22;--line:#30363d;--ok:#3fb950;--warn:#d29922;--bad:#f85149;--link:#4493f8}}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1200px;padding:16px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
        h1{font-size:1.4em;margin:0 0 4px}h2{font-size:1.1em;margin:0 0 8px}
        section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:12px 0;min-width:0}
        .meta,.muted{color:var(--muted)}.meta{margin:0;font-size:.9em}
        table{width:100%;border-collapse:collapse;table-layout:auto}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-top:1px solid var(--line)}
        th{font-weight:600;color:var(--muted);border-top:0}
        code{font:.9em ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere;word-break:break-word}
        ul{margin:4px 0;padding-left:20px}
        .ok,.healthy{color:var(--ok)}.warn{color:var(--warn)}.bad,.unhealthy{color:var(--bad)}.unknown{color:var(--muted)}
        .badge{display:inline-block;padding:0 8px;border-radius:10px;border:1px solid currentColor;font-weight:600;font-size:.85em}
        .alert{border-color:var(--bad)}.alert h2{color:var(--bad)}.notice{border-color:var(--warn)}.notice h2{color:var(--warn)}
        #problems a{color:inherit}
        dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 12px;margin:0}dt{color:var(--muted)}dd{margin:0;min-width:0}
        footer{font-size:.9em;color:var(--muted);margin:16px 0}a{color:var(--link)}footer a{color:inherit}
        @media (max-width:640px){body{padding:8px}section{padding:10px}thead{display:none}table,tbody,tr,td{display:block;width:100%}
        tr{border-top:1px solid var(--line);padding:4px 0}td{border:0;padding:2px 0}
        td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}dl{grid-template-columns:minmax(0,1fr)}dd{margin-bottom:6px}}
        """;
}
