namespace HomelabGate.Import.Output;

/// <summary>A file the import writes (absolute path). Secret files are created 0600. <see cref="ToString"/> omits the content.</summary>
public sealed record OutputFile(string Path, string Content, bool Secret)
{
    public override string ToString() => $"{Path} ({(Secret ? "secret" : "public")}, {Content.Length} chars)";
}
