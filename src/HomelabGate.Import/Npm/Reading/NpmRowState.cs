namespace HomelabGate.Import.Npm.Reading;

/// <summary>Where a row stands in NPM: <see cref="Deleted"/> rows are soft-deleted (NPM ignores them), <see cref="Disabled"/>
/// ones were switched off in the UI (NPM keeps the row, not the nginx config).</summary>
public enum NpmRowState
{
    Enabled,
    Disabled,
    Deleted,
}
