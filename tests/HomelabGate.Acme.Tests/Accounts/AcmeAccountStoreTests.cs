using HomelabGate.Core.Desired;
using System.Runtime.Versioning;
using HomelabGate.Acme.Accounts;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Tests.Accounts;

[SupportedOSPlatform("linux")]
public sealed class AcmeAccountStoreTests : IDisposable
{
    private static readonly Uri Ca = new("https://acme.home.test:14000/dir");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hg-acme-store-");

    [Fact]
    public async Task A_saved_key_loads_as_the_same_account_key_from_an_owner_only_file()
    {
        var store = new AcmeAccountStore(Path.Combine(_dir.FullName, "accounts"));
        using var key = AccountKey.Create();

        await store.SaveAsync(Ca, key, CancellationToken.None);
        using var loaded = store.Load(Ca);

        Assert.Equal(key.Jwk, loaded!.Jwk);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.PathFor(Ca)));
        Assert.Equal([store.PathFor(Ca)], Directory.GetFiles(Path.Combine(_dir.FullName, "accounts")));
    }

    [Fact]
    public async Task Saving_again_replaces_the_key_and_leaves_no_temporary_file()
    {
        var store = new AcmeAccountStore(_dir.FullName);
        using var first = AccountKey.Create();
        using var second = AccountKey.Create(KeyType.Rsa2048);

        await store.SaveAsync(Ca, first, CancellationToken.None);
        await store.SaveAsync(Ca, second, CancellationToken.None);

        Assert.Equal(second.Jwk, store.Load(Ca)!.Jwk);
        Assert.Single(Directory.GetFiles(_dir.FullName));
    }

    [Fact]
    public async Task LoadOrCreate_creates_once_and_then_returns_the_stored_key()
    {
        var store = new AcmeAccountStore(_dir.FullName);

        using var created = await store.LoadOrCreateAsync(Ca, CancellationToken.None);
        using var again = await store.LoadOrCreateAsync(Ca, CancellationToken.None);

        Assert.Equal(created.Jwk, again.Jwk);
    }

    [Fact]
    public void Each_CA_gets_its_own_file()
    {
        var store = new AcmeAccountStore(_dir.FullName);

        Assert.NotEqual(store.PathFor(Ca), store.PathFor(new Uri("https://acme-v02.api.letsencrypt.org/directory")));
        Assert.Null(store.Load(new Uri("https://other.test/dir")));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
