using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Daemon.Status;

/// <summary>A diagnostic on one line as the API and the page show it: "homelab.yaml:7:15: error HG3001: summary".</summary>
public static class DiagnosticLine
{
    public static string Format(Diagnostic diagnostic) =>
        $"{diagnostic.Location}: {(diagnostic.IsError ? "error" : "warning")} {diagnostic.Code}: {diagnostic.Summary}";
}
