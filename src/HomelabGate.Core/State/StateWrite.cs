namespace HomelabGate.Core.State;

/// <summary>One key to write (or, with null <see cref="Content"/>, to delete). A secret is stored so that only its owner
/// reads it: mode 0600 on disk, encrypted at rest in a shared store. <see cref="ToString"/> omits the content.</summary>
public sealed record StateWrite(string Key, byte[]? Content, bool Secret)
{
    public static StateWrite Text(string key, string content, bool secret = false) => new(key, System.Text.Encoding.UTF8.GetBytes(content), secret);

    public override string ToString() => $"{Key} ({(Content is null ? "delete" : Secret ? "secret" : "public")})";
}
