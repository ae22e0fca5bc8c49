namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>How an edit reaches the manifest file, as different editors and tools do it.</summary>
public enum ManifestWrite
{
    /// <summary>Write a temp file beside it, then rename it over the manifest (vim, VS Code, most editors).</summary>
    AtomicRename,

    /// <summary>Truncate the manifest and write into the same inode (nano, <c>cat &gt; file</c>, some config tools).</summary>
    InPlace,
}
