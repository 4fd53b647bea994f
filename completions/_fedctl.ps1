
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'fedctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'fedctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'fedctl' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('kv', 'kv', [CompletionResultType]::ParameterValue, 'Read and write the key/value store')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Query the catalog: datacenters, nodes, services')
            [CompletionResult]::new('services', 'services', [CompletionResultType]::ParameterValue, 'Register and deregister services with the local agent')
            [CompletionResult]::new('members', 'members', [CompletionResultType]::ParameterValue, 'List the members of the datacenter')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Leave the datacenter gracefully and stop the agent')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Run Envoy as a mesh gateway configured by the local agent')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Write, read, list and delete config entries (proxy-defaults, service-defaults, service-resolver), kept in the primary datacenter and replicated to every other')
            [CompletionResult]::new('intention', 'intention', [CompletionResultType]::ParameterValue, 'Create, show, list, check and delete intentions: which services may connect to which, by name, in every datacenter')
            [CompletionResult]::new('acl', 'acl', [CompletionResultType]::ParameterValue, 'Manage ACLs: bootstrap, policies, tokens, roles and the agent''s own tokens')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Print a new gossip encryption key')
            [CompletionResult]::new('keyring', 'keyring', [CompletionResultType]::ParameterValue, 'List, install, use or remove the gossip encryption keys of every agent')
            [CompletionResult]::new('lab', 'lab', [CompletionResultType]::ParameterValue, 'A federated lab on this machine: several datacenters through real Envoy gateways')
            [CompletionResult]::new('debug', 'debug', [CompletionResultType]::ParameterValue, 'Debug the federation: how this server reaches other datacenters through gateways')
            [CompletionResult]::new('federation-state', 'federation-state', [CompletionResultType]::ParameterValue, 'Inspect the federation states: every datacenter''s mesh gateways')
            [CompletionResult]::new('operator', 'operator', [CompletionResultType]::ParameterValue, 'Operate the datacenter''s servers (raft peers)')
            [CompletionResult]::new('tls', 'tls', [CompletionResultType]::ParameterValue, 'Create certificate authorities and certificates for agent TLS')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print fedctl''s version')
            [CompletionResult]::new('internal', 'internal', [CompletionResultType]::ParameterValue, 'Commands for fedctl''s own development')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Run an agent: a server or a client of a datacenter, with the HTTP API')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;kv' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read a key''s value, or with -recurse every key under a prefix')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write a key''s value')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key, or with -recurse every key under a prefix')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Write the keys of a `fedctl kv export` (or `consul kv export`) document')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;kv;get' {
            [CompletionResult]::new('--separator', '--separator', [CompletionResultType]::ParameterName, 'With -keys: list names only up to this separator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--recurse', '--recurse', [CompletionResultType]::ParameterName, 'Read every key under the prefix')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'List key names only')
            [CompletionResult]::new('--detailed', '--detailed', [CompletionResultType]::ParameterName, 'Show every field of the entry (indexes, flags)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;kv;put' {
            [CompletionResult]::new('--modify-index', '--modify-index', [CompletionResultType]::ParameterName, 'The modify index -cas compares with (0: the key must not exist)')
            [CompletionResult]::new('--flags', '--flags', [CompletionResultType]::ParameterName, 'An opaque 64-bit number stored with the value')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--cas', '--cas', [CompletionResultType]::ParameterName, 'Check-and-set: write only if the key''s modify index equals -modify-index')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;kv;delete' {
            [CompletionResult]::new('--modify-index', '--modify-index', [CompletionResultType]::ParameterName, 'The modify index -cas compares with')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--recurse', '--recurse', [CompletionResultType]::ParameterName, 'Delete every key under the prefix')
            [CompletionResult]::new('--cas', '--cas', [CompletionResultType]::ParameterName, 'Check-and-set: delete only if the key''s modify index equals -modify-index')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;kv;export' {
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;kv;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;kv;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read a key''s value, or with -recurse every key under a prefix')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write a key''s value')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key, or with -recurse every key under a prefix')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Write the keys of a `fedctl kv export` (or `consul kv export`) document')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;kv;help;get' {
            break
        }
        'fedctl;kv;help;put' {
            break
        }
        'fedctl;kv;help;delete' {
            break
        }
        'fedctl;kv;help;export' {
            break
        }
        'fedctl;kv;help;import' {
            break
        }
        'fedctl;kv;help;help' {
            break
        }
        'fedctl;catalog' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('datacenters', 'datacenters', [CompletionResultType]::ParameterValue, 'List the datacenters the agent knows')
            [CompletionResult]::new('nodes', 'nodes', [CompletionResultType]::ParameterValue, 'List the nodes of the catalog')
            [CompletionResult]::new('services', 'services', [CompletionResultType]::ParameterValue, 'List the services of the catalog')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;catalog;datacenters' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;catalog;nodes' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;catalog;services' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Show each service''s tags')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;catalog;help' {
            [CompletionResult]::new('datacenters', 'datacenters', [CompletionResultType]::ParameterValue, 'List the datacenters the agent knows')
            [CompletionResult]::new('nodes', 'nodes', [CompletionResultType]::ParameterValue, 'List the nodes of the catalog')
            [CompletionResult]::new('services', 'services', [CompletionResultType]::ParameterValue, 'List the services of the catalog')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;catalog;help;datacenters' {
            break
        }
        'fedctl;catalog;help;nodes' {
            break
        }
        'fedctl;catalog;help;services' {
            break
        }
        'fedctl;catalog;help;help' {
            break
        }
        'fedctl;services' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register services with the local agent, from a definition file or flags')
            [CompletionResult]::new('deregister', 'deregister', [CompletionResultType]::ParameterValue, 'Deregister services from the local agent: those defined in FILE, or -id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;services;register' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Service name (without FILE)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Service ID [default: the name]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Service address [default: the node''s address]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Service port')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag; repeatable')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Metadata as key=value; repeatable')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;services;deregister' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The service ID to deregister (without FILE)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;services;help' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register services with the local agent, from a definition file or flags')
            [CompletionResult]::new('deregister', 'deregister', [CompletionResultType]::ParameterValue, 'Deregister services from the local agent: those defined in FILE, or -id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;services;help;register' {
            break
        }
        'fedctl;services;help;deregister' {
            break
        }
        'fedctl;services;help;help' {
            break
        }
        'fedctl;members' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--wan', '--wan', [CompletionResultType]::ParameterName, 'List the WAN pool: the servers of every datacenter (names are `<node>.<dc>`)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;leave' {
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;connect' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'Read and change the Connect CA''s settings; a new root key rotates the root')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Run Envoy as a service''s sidecar or as a mesh gateway, its whole configuration coming from the local agent over xDS')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;connect;ca' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get-config', 'get-config', [CompletionResultType]::ParameterValue, 'Show the Connect CA''s settings (`GET /v1/connect/ca/configuration`): the provider, its Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA is configured in the primary datacenter; -datacenter reads another one')
            [CompletionResult]::new('set-config', 'set-config', [CompletionResultType]::ParameterValue, 'Change the Connect CA''s settings from a JSON file (`PUT /v1/connect/ca/configuration`), in the primary datacenter')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;connect;ca;get-config' {
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Let any server answer, not only the leader')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;connect;ca;set-config' {
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The JSON file with the new configuration')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;connect;ca;help' {
            [CompletionResult]::new('get-config', 'get-config', [CompletionResultType]::ParameterValue, 'Show the Connect CA''s settings (`GET /v1/connect/ca/configuration`): the provider, its Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA is configured in the primary datacenter; -datacenter reads another one')
            [CompletionResult]::new('set-config', 'set-config', [CompletionResultType]::ParameterValue, 'Change the Connect CA''s settings from a JSON file (`PUT /v1/connect/ca/configuration`), in the primary datacenter')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;connect;ca;help;get-config' {
            break
        }
        'fedctl;connect;ca;help;set-config' {
            break
        }
        'fedctl;connect;ca;help;help' {
            break
        }
        'fedctl;connect;envoy' {
            [CompletionResult]::new('--gateway', '--gateway', [CompletionResultType]::ParameterName, 'Configure Envoy as a gateway of this kind: mesh (terminating and ingress are not supported yet)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'LAN address to advertise and listen on, ip:port (`:port` for any address; no port means 8443)')
            [CompletionResult]::new('--wan-address', '--wan-address', [CompletionResultType]::ParameterName, 'WAN address other datacenters dial, ip:port')
            [CompletionResult]::new('--bind-address', '--bind-address', [CompletionResultType]::ParameterName, 'A listener to bind, name=ip:port; repeatable. Replaces the default binds')
            [CompletionResult]::new('--sidecar-for', '--sidecar-for', [CompletionResultType]::ParameterName, 'Run the sidecar proxy of this service instance (the service''s ID): the one connect-proxy registered on the agent whose Proxy.DestinationServiceID it is')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Service name to register [default: mesh-gateway]')
            [CompletionResult]::new('--proxy-id', '--proxy-id', [CompletionResultType]::ParameterName, 'The proxy''s service ID on the local agent [default: with -sidecar-for, that service''s sidecar; for a gateway, the service name when registering, else the one mesh gateway registered there] [env: CONNECT_PROXY_ID]')
            [CompletionResult]::new('--admin-bind', '--admin-bind', [CompletionResultType]::ParameterName, 'Envoy''s admin listener, host:port')
            [CompletionResult]::new('--admin-access-log-path', '--admin-access-log-path', [CompletionResultType]::ParameterName, 'Where Envoy writes the admin access log')
            [CompletionResult]::new('--envoy-log-level', '--envoy-log-level', [CompletionResultType]::ParameterName, 'Envoy''s own log level: trace, debug, info, warning, error, critical or off (Envoy''s `-l`; `-- -l LEVEL` does the same)')
            [CompletionResult]::new('--envoy-log-path', '--envoy-log-path', [CompletionResultType]::ParameterName, 'Write Envoy''s own log to this file instead of stderr (Envoy''s `--log-path`)')
            [CompletionResult]::new('--envoy-binary', '--envoy-binary', [CompletionResultType]::ParameterName, 'The Envoy binary [default: `envoy` on PATH] [env: FEDCTL_ENVOY_BIN]')
            [CompletionResult]::new('--grpc-addr', '--grpc-addr', [CompletionResultType]::ParameterName, 'The agent''s xDS gRPC address, [http(s)://]host:port [default: the agent''s gRPC port, from /v1/agent/self] [env: FEDCTL_GRPC_ADDR, CONSUL_GRPC_ADDR]')
            [CompletionResult]::new('--deregister-after-critical', '--deregister-after-critical', [CompletionResultType]::ParameterName, 'Deregister the gateway after its check has been critical this long')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--mesh-gateway', '--mesh-gateway', [CompletionResultType]::ParameterName, 'Deprecated spelling of -gateway=mesh')
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'Register the gateway service with the local agent before starting Envoy')
            [CompletionResult]::new('--expose-servers', '--expose-servers', [CompletionResultType]::ParameterName, 'Route server-to-server traffic (WAN federation) through this gateway: registers it with meta consul-wan-federation=1. Needs -gateway=mesh and -register')
            [CompletionResult]::new('--bootstrap', '--bootstrap', [CompletionResultType]::ParameterName, 'Print the bootstrap JSON to stdout instead of running Envoy')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;connect;help' {
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'Read and change the Connect CA''s settings; a new root key rotates the root')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Run Envoy as a service''s sidecar or as a mesh gateway, its whole configuration coming from the local agent over xDS')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;connect;help;ca' {
            [CompletionResult]::new('get-config', 'get-config', [CompletionResultType]::ParameterValue, 'Show the Connect CA''s settings (`GET /v1/connect/ca/configuration`): the provider, its Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA is configured in the primary datacenter; -datacenter reads another one')
            [CompletionResult]::new('set-config', 'set-config', [CompletionResultType]::ParameterValue, 'Change the Connect CA''s settings from a JSON file (`PUT /v1/connect/ca/configuration`), in the primary datacenter')
            break
        }
        'fedctl;connect;help;ca;get-config' {
            break
        }
        'fedctl;connect;help;ca;set-config' {
            break
        }
        'fedctl;connect;help;envoy' {
            break
        }
        'fedctl;connect;help;help' {
            break
        }
        'fedctl;config' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Create or update a config entry from an HCL or JSON file')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one config entry as JSON')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the names of the config entries of one kind, one per line')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a config entry')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;config;write' {
            [CompletionResult]::new('--modify-index', '--modify-index', [CompletionResultType]::ParameterName, 'The modify index -cas compares with (0: the entry must not exist)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--cas', '--cas', [CompletionResultType]::ParameterName, 'Check-and-set: write only if the entry''s modify index equals -modify-index')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;config;read' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'The entry''s kind: proxy-defaults, service-defaults, service-resolver or service-intentions')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The entry''s name (a service name; `global` for proxy-defaults)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;config;list' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'The kind to list: proxy-defaults, service-defaults, service-resolver or service-intentions')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;config;delete' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'The entry''s kind: proxy-defaults, service-defaults, service-resolver or service-intentions')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The entry''s name (a service name; `global` for proxy-defaults)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;config;help' {
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Create or update a config entry from an HCL or JSON file')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one config entry as JSON')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the names of the config entries of one kind, one per line')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a config entry')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;config;help;write' {
            break
        }
        'fedctl;config;help;read' {
            break
        }
        'fedctl;config;help;list' {
            break
        }
        'fedctl;config;help;delete' {
            break
        }
        'fedctl;config;help;help' {
            break
        }
        'fedctl;intention' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an intention: allow (the default) or deny connections from SRC to DST')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an intention, named by its source and destination or by its ID')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one intention, named by its source and destination or by its ID')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every intention, in the order they are evaluated')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check whether SRC may connect to DST')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'List the intentions that apply to a service, in the order they are evaluated')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;intention;create' {
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Metadata as key=value; repeatable')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Allow the connections (the default)')
            [CompletionResult]::new('--deny', '--deny', [CompletionResultType]::ParameterName, 'Deny the connections')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Update the intention of the same source and destination if there is one')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the intentions from the files given as arguments (JSON), instead of SRC DST')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;intention;delete' {
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;intention;get' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;intention;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;intention;check' {
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;intention;match' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Match NAME as the source')
            [CompletionResult]::new('--destination', '--destination', [CompletionResultType]::ParameterName, 'Match NAME as the destination (the default)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;intention;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an intention: allow (the default) or deny connections from SRC to DST')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an intention, named by its source and destination or by its ID')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one intention, named by its source and destination or by its ID')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every intention, in the order they are evaluated')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check whether SRC may connect to DST')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'List the intentions that apply to a service, in the order they are evaluated')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;intention;help;create' {
            break
        }
        'fedctl;intention;help;delete' {
            break
        }
        'fedctl;intention;help;get' {
            break
        }
        'fedctl;intention;help;list' {
            break
        }
        'fedctl;intention;help;check' {
            break
        }
        'fedctl;intention;help;match' {
            break
        }
        'fedctl;intention;help;help' {
            break
        }
        'fedctl;acl' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('bootstrap', 'bootstrap', [CompletionResultType]::ParameterValue, 'Make the first management token, once per federation')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Create, read, update, list and delete policies: named sets of rules')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Create, read, update, clone, list and delete tokens')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Create, read, update, list and delete roles: policies and service identities under one name')
            [CompletionResult]::new('set-agent-token', 'set-agent-token', [CompletionResultType]::ParameterValue, 'Set one of the agent''s own ACL tokens, until it restarts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;acl;bootstrap' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;policy' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a policy: named rules that tokens and roles link to')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one policy and its rules, by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a policy, named by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every policy: its name, ID, description and datacenters (rules: `acl policy read`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;acl;policy;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The new policy''s name (required)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the policy is for')
            [CompletionResult]::new('--valid-datacenter', '--valid-datacenter', [CompletionResultType]::ParameterName, 'A datacenter the policy applies in (repeatable; none means every datacenter)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'The rules, @FILE, or - for standard input')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;policy;read' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Its ID, or a unique prefix of it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Its name')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;policy;update' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The policy''s ID, or a unique prefix of it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The policy''s name (with -id: its new name)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A new description')
            [CompletionResult]::new('--valid-datacenter', '--valid-datacenter', [CompletionResultType]::ParameterName, 'Datacenters the policy applies in (repeatable; replaces the list)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'New rules, @FILE, or - for standard input')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--no-merge', '--no-merge', [CompletionResultType]::ParameterName, 'Replace every field instead of merging with the policy as it is')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;policy;delete' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Its ID, or a unique prefix of it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Its name')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;policy;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;policy;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a policy: named rules that tokens and roles link to')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one policy and its rules, by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a policy, named by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every policy: its name, ID, description and datacenters (rules: `acl policy read`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;acl;policy;help;create' {
            break
        }
        'fedctl;acl;policy;help;read' {
            break
        }
        'fedctl;acl;policy;help;update' {
            break
        }
        'fedctl;acl;policy;help;delete' {
            break
        }
        'fedctl;acl;policy;help;list' {
            break
        }
        'fedctl;acl;policy;help;help' {
            break
        }
        'fedctl;acl;token' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token linked to policies, roles or service identities (at least one)')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with -self the token this command sends (-token or FEDCTL_HTTP_TOKEN)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a token''s description, policies, roles or service identities')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Make a new token with the policies, roles and service identities of another')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a token by -id (its AccessorID, or a unique prefix of it)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tokens this datacenter knows (global ones and its local ones), without their SecretIDs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;acl;token;create' {
            [CompletionResult]::new('--accessor', '--accessor', [CompletionResultType]::ParameterName, 'The token''s AccessorID (a UUID; chosen if not given)')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The token''s SecretID (a UUID; chosen if not given)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the token is for')
            [CompletionResult]::new('--expires-ttl', '--expires-ttl', [CompletionResultType]::ParameterName, 'How long the token lives (e.g. 1h, 30m); forever if not given')
            [CompletionResult]::new('--policy-id', '--policy-id', [CompletionResultType]::ParameterName, 'A policy by ID or a unique prefix of it (repeatable)')
            [CompletionResult]::new('--policy-name', '--policy-name', [CompletionResultType]::ParameterName, 'A policy by name (repeatable)')
            [CompletionResult]::new('--role-id', '--role-id', [CompletionResultType]::ParameterName, 'A role by ID or a unique prefix of it (repeatable)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'A role by name (repeatable)')
            [CompletionResult]::new('--service-identity', '--service-identity', [CompletionResultType]::ParameterName, 'A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Valid only in this datacenter (never replicated)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;token;read' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The token''s AccessorID, or a unique prefix of it')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--self', '--self', [CompletionResultType]::ParameterName, 'The token this command sends')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;token;update' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The token''s AccessorID, or a unique prefix of it')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A new description')
            [CompletionResult]::new('--policy-id', '--policy-id', [CompletionResultType]::ParameterName, 'A policy by ID or a unique prefix of it (repeatable)')
            [CompletionResult]::new('--policy-name', '--policy-name', [CompletionResultType]::ParameterName, 'A policy by name (repeatable)')
            [CompletionResult]::new('--role-id', '--role-id', [CompletionResultType]::ParameterName, 'A role by ID or a unique prefix of it (repeatable)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'A role by name (repeatable)')
            [CompletionResult]::new('--service-identity', '--service-identity', [CompletionResultType]::ParameterName, 'A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--merge-policies', '--merge-policies', [CompletionResultType]::ParameterName, 'Add the policies given instead of replacing the token''s')
            [CompletionResult]::new('--merge-roles', '--merge-roles', [CompletionResultType]::ParameterName, 'Add the roles given instead of replacing the token''s')
            [CompletionResult]::new('--merge-service-identities', '--merge-service-identities', [CompletionResultType]::ParameterName, 'Add the service identities given instead of replacing the token''s')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;token;clone' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The AccessorID of the token to clone, or a unique prefix of it')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The clone''s description')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;token;delete' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The token''s AccessorID, or a unique prefix of it')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;token;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token linked to policies, roles or service identities (at least one)')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with -self the token this command sends (-token or FEDCTL_HTTP_TOKEN)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a token''s description, policies, roles or service identities')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Make a new token with the policies, roles and service identities of another')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a token by -id (its AccessorID, or a unique prefix of it)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tokens this datacenter knows (global ones and its local ones), without their SecretIDs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;acl;token;help;create' {
            break
        }
        'fedctl;acl;token;help;read' {
            break
        }
        'fedctl;acl;token;help;update' {
            break
        }
        'fedctl;acl;token;help;clone' {
            break
        }
        'fedctl;acl;token;help;delete' {
            break
        }
        'fedctl;acl;token;help;list' {
            break
        }
        'fedctl;acl;token;help;help' {
            break
        }
        'fedctl;acl;role' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role: policies and service identities under one name, for tokens to link to')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one role, by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a role, named by -id (a unique prefix is enough) or, without -id, by -name')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a role, named by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every role with its policies and service identities')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;acl;role;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The new role''s name (required)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the role is for')
            [CompletionResult]::new('--policy-id', '--policy-id', [CompletionResultType]::ParameterName, 'A policy by ID or a unique prefix of it (repeatable)')
            [CompletionResult]::new('--policy-name', '--policy-name', [CompletionResultType]::ParameterName, 'A policy by name (repeatable)')
            [CompletionResult]::new('--service-identity', '--service-identity', [CompletionResultType]::ParameterName, 'A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;role;read' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Its ID, or a unique prefix of it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Its name')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;role;update' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The role''s ID, or a unique prefix of it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The role''s name (with -id: its new name)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A new description')
            [CompletionResult]::new('--policy-id', '--policy-id', [CompletionResultType]::ParameterName, 'A policy by ID or a unique prefix of it (repeatable)')
            [CompletionResult]::new('--policy-name', '--policy-name', [CompletionResultType]::ParameterName, 'A policy by name (repeatable)')
            [CompletionResult]::new('--service-identity', '--service-identity', [CompletionResultType]::ParameterName, 'A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--no-merge', '--no-merge', [CompletionResultType]::ParameterName, 'Replace every field instead of adding to the role as it is')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;role;delete' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Its ID, or a unique prefix of it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Its name')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;role;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Also show the content hash and the raft indexes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;role;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role: policies and service identities under one name, for tokens to link to')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one role, by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a role, named by -id (a unique prefix is enough) or, without -id, by -name')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a role, named by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every role with its policies and service identities')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;acl;role;help;create' {
            break
        }
        'fedctl;acl;role;help;read' {
            break
        }
        'fedctl;acl;role;help;update' {
            break
        }
        'fedctl;acl;role;help;delete' {
            break
        }
        'fedctl;acl;role;help;list' {
            break
        }
        'fedctl;acl;role;help;help' {
            break
        }
        'fedctl;acl;set-agent-token' {
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;acl;help' {
            [CompletionResult]::new('bootstrap', 'bootstrap', [CompletionResultType]::ParameterValue, 'Make the first management token, once per federation')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Create, read, update, list and delete policies: named sets of rules')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Create, read, update, clone, list and delete tokens')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Create, read, update, list and delete roles: policies and service identities under one name')
            [CompletionResult]::new('set-agent-token', 'set-agent-token', [CompletionResultType]::ParameterValue, 'Set one of the agent''s own ACL tokens, until it restarts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;acl;help;bootstrap' {
            break
        }
        'fedctl;acl;help;policy' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a policy: named rules that tokens and roles link to')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one policy and its rules, by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a policy, named by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every policy: its name, ID, description and datacenters (rules: `acl policy read`)')
            break
        }
        'fedctl;acl;help;policy;create' {
            break
        }
        'fedctl;acl;help;policy;read' {
            break
        }
        'fedctl;acl;help;policy;update' {
            break
        }
        'fedctl;acl;help;policy;delete' {
            break
        }
        'fedctl;acl;help;policy;list' {
            break
        }
        'fedctl;acl;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token linked to policies, roles or service identities (at least one)')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with -self the token this command sends (-token or FEDCTL_HTTP_TOKEN)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a token''s description, policies, roles or service identities')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Make a new token with the policies, roles and service identities of another')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a token by -id (its AccessorID, or a unique prefix of it)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tokens this datacenter knows (global ones and its local ones), without their SecretIDs')
            break
        }
        'fedctl;acl;help;token;create' {
            break
        }
        'fedctl;acl;help;token;read' {
            break
        }
        'fedctl;acl;help;token;update' {
            break
        }
        'fedctl;acl;help;token;clone' {
            break
        }
        'fedctl;acl;help;token;delete' {
            break
        }
        'fedctl;acl;help;token;list' {
            break
        }
        'fedctl;acl;help;role' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role: policies and service identities under one name, for tokens to link to')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one role, by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a role, named by -id (a unique prefix is enough) or, without -id, by -name')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a role, named by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every role with its policies and service identities')
            break
        }
        'fedctl;acl;help;role;create' {
            break
        }
        'fedctl;acl;help;role;read' {
            break
        }
        'fedctl;acl;help;role;update' {
            break
        }
        'fedctl;acl;help;role;delete' {
            break
        }
        'fedctl;acl;help;role;list' {
            break
        }
        'fedctl;acl;help;set-agent-token' {
            break
        }
        'fedctl;acl;help;help' {
            break
        }
        'fedctl;keygen' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;keyring' {
            [CompletionResult]::new('--install', '--install', [CompletionResultType]::ParameterName, 'Install a key (base64) on every member')
            [CompletionResult]::new('--use', '--use', [CompletionResultType]::ParameterName, 'Make an installed key every member''s primary: what gossip is encrypted with')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Remove a key from every member (not the primary)')
            [CompletionResult]::new('--relay-factor', '--relay-factor', [CompletionResultType]::ParameterName, 'Accepted for the reference''s scripts (0 to 5); fedctl asks every member directly')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the keys of every pool')
            [CompletionResult]::new('--local-only', '--local-only', [CompletionResultType]::ParameterName, 'With -list: only the keys of the agent asked, no member queried')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;lab' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Start a federated lab on this machine: datacenters federated through real Envoy gateways')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check a lab again: its processes (naming each one that is gone) and whether it is still federated; with a demo (`lab up -demo`), whether it still answers through the mesh')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Stop every process of a lab and remove what it created')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;lab;up' {
            [CompletionResult]::new('--datacenters', '--datacenters', [CompletionResultType]::ParameterName, 'Datacenters (1-9); dc1 is the primary')
            [CompletionResult]::new('--servers', '--servers', [CompletionResultType]::ParameterName, 'Servers per datacenter (1-5)')
            [CompletionResult]::new('--gateways', '--gateways', [CompletionResultType]::ParameterName, 'Mesh gateways per datacenter (1-3)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Where the lab keeps its certificates, configs, data and logs [default: a new directory under the system temp dir]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The lab''s name, for `lab status -name` and `lab down -name` (letters, digits, ''.'', ''_'', ''-'') [default: the -dir directory''s name, else "lab"; with "-2", "-3", ... added while another running lab has it]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Leave the lab running and return')
            [CompletionResult]::new('--isolate', '--isolate', [CompletionResultType]::ParameterName, 'Put every server and gateway in its own network namespace (needs root, and nftables): servers of different datacenters have no route to each other, only gateways reach the WAN (a secondary''s servers may dial the primary''s gateways, as the reference needs)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Run the lab open, as before: no gossip encryption, no ACLs, no HTTPS. Without it, every agent encrypts gossip with one key, ACLs are on (default deny) with a token for the servers, replication and the gateways, and the HTTP API is also served over TLS')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Also deploy a demo in every datacenter: an echo app and the services echo and web with sidecars (web''s upstreams: echo here and in the next datacenter, with failover), and print the curls that go through the mesh')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;lab;status' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The lab''s directory [default: the running lab]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The lab''s name (`lab up -name`, else its directory''s name)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'List every running lab (with -format=json: a JSON array, however many run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;lab;down' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The lab''s directory [default: the running lab]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The lab''s name (`lab up -name`, else its directory''s name)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Stop every running lab')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;lab;help' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Start a federated lab on this machine: datacenters federated through real Envoy gateways')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check a lab again: its processes (naming each one that is gone) and whether it is still federated; with a demo (`lab up -demo`), whether it still answers through the mesh')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Stop every process of a lab and remove what it created')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;lab;help;up' {
            break
        }
        'fedctl;lab;help;status' {
            break
        }
        'fedctl;lab;help;down' {
            break
        }
        'fedctl;lab;help;help' {
            break
        }
        'fedctl;debug' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('gateways', 'gateways', [CompletionResultType]::ParameterValue, 'Show how this server reaches every other datacenter through mesh gateways')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Show every proxy (sidecar or gateway) the local agent configures: whether its configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next renewal), and its xDS stream (the version Envoy acknowledged, the last rejection)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;debug;gateways' {
            [CompletionResult]::new('--tries', '--tries', [CompletionResultType]::ParameterName, 'Handshakes per path when probing (1-50)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--probe', '--probe', [CompletionResultType]::ParameterName, 'Probe every path with real handshakes')
            [CompletionResult]::new('--services', '--services', [CompletionResultType]::ParameterName, 'Also show the data-plane routes: the services each datacenter''s gateways expose, read in that datacenter through the gateways (so with a datacenter unreachable, this dials it, and the dial failures show it)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;debug;proxy' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Show the decision a client of this service gets at each sidecar, and the intention that made it')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;debug;help' {
            [CompletionResult]::new('gateways', 'gateways', [CompletionResultType]::ParameterValue, 'Show how this server reaches every other datacenter through mesh gateways')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Show every proxy (sidecar or gateway) the local agent configures: whether its configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next renewal), and its xDS stream (the version Envoy acknowledged, the last rejection)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;debug;help;gateways' {
            break
        }
        'fedctl;debug;help;proxy' {
            break
        }
        'fedctl;debug;help;help' {
            break
        }
        'fedctl;federation-state' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every datacenter''s federation state: its mesh gateways and how fresh it is')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one datacenter''s federation state: every mesh gateway with its addresses and health')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;federation-state;list' {
            [CompletionResult]::new('--stale-after', '--stale-after', [CompletionResultType]::ParameterName, 'Fail (exit 3) when any state is older than this (e.g. 5m; at least 90s, the refresh period) or replication is failing')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;federation-state;get' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;federation-state;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every datacenter''s federation state: its mesh gateways and how fresh it is')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one datacenter''s federation state: every mesh gateway with its addresses and health')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;federation-state;help;list' {
            break
        }
        'fedctl;federation-state;help;get' {
            break
        }
        'fedctl;federation-state;help;help' {
            break
        }
        'fedctl;operator' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('raft', 'raft', [CompletionResultType]::ParameterValue, 'Inspect and change the raft peers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;operator;raft' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list-peers', 'list-peers', [CompletionResultType]::ParameterValue, 'List the raft peers of the datacenter: who leads and who votes')
            [CompletionResult]::new('remove-peer', 'remove-peer', [CompletionResultType]::ParameterValue, 'Remove a server from the raft peers (for a server that is gone for good)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;operator;raft;list-peers' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;operator;raft;remove-peer' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'The peer''s server address (host:port), as list-peers shows it')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The peer''s raft ID or node name')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;operator;raft;help' {
            [CompletionResult]::new('list-peers', 'list-peers', [CompletionResultType]::ParameterValue, 'List the raft peers of the datacenter: who leads and who votes')
            [CompletionResult]::new('remove-peer', 'remove-peer', [CompletionResultType]::ParameterValue, 'Remove a server from the raft peers (for a server that is gone for good)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;operator;raft;help;list-peers' {
            break
        }
        'fedctl;operator;raft;help;remove-peer' {
            break
        }
        'fedctl;operator;raft;help;help' {
            break
        }
        'fedctl;operator;help' {
            [CompletionResult]::new('raft', 'raft', [CompletionResultType]::ParameterValue, 'Inspect and change the raft peers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;operator;help;raft' {
            [CompletionResult]::new('list-peers', 'list-peers', [CompletionResultType]::ParameterValue, 'List the raft peers of the datacenter: who leads and who votes')
            [CompletionResult]::new('remove-peer', 'remove-peer', [CompletionResultType]::ParameterValue, 'Remove a server from the raft peers (for a server that is gone for good)')
            break
        }
        'fedctl;operator;help;raft;list-peers' {
            break
        }
        'fedctl;operator;help;raft;remove-peer' {
            break
        }
        'fedctl;operator;help;help' {
            break
        }
        'fedctl;tls' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'Create certificate authorities for agent TLS')
            [CompletionResult]::new('cert', 'cert', [CompletionResultType]::ParameterValue, 'Create agent certificates signed by a CA')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;tls;ca' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new certificate authority (CA) for agent TLS')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;tls;ca;create' {
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'How many days the CA is valid for')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The cluster''s domain; it names the files and, with -name-constraint, limits the CA')
            [CompletionResult]::new('--additional-name-constraint', '--additional-name-constraint', [CompletionResultType]::ParameterName, 'Another DNS domain the CA may sign for; repeatable; needs -name-constraint')
            [CompletionResult]::new('--common-name', '--common-name', [CompletionResultType]::ParameterName, 'Subject common name of the CA [default: fedctl Agent CA <serial>]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--name-constraint', '--name-constraint', [CompletionResultType]::ParameterName, 'Add a critical name constraint: the CA may only sign names under <domain>, localhost and each -additional-name-constraint')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;tls;ca;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new certificate authority (CA) for agent TLS')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;tls;ca;help;create' {
            break
        }
        'fedctl;tls;ca;help;help' {
            break
        }
        'fedctl;tls;cert' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a certificate for a server, a client agent or the CLI, signed by a CA')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;tls;cert;create' {
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'CA certificate file; #DOMAIN# is replaced by -domain')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'CA private key file; #DOMAIN# is replaced by -domain')
            [CompletionResult]::new('--dc', '--dc', [CompletionResultType]::ParameterName, 'Datacenter the certificate is for')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The cluster''s domain')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name of the server; adds the SAN <node>.server.<dc>.<domain>. Only with -server')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'How many days the certificate is valid for')
            [CompletionResult]::new('--additional-dnsname', '--additional-dnsname', [CompletionResultType]::ParameterName, 'An extra DNS name to include; repeatable (not used for -cli certificates)')
            [CompletionResult]::new('--additional-ipaddress', '--additional-ipaddress', [CompletionResultType]::ParameterName, 'An extra IP address to include; repeatable')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Create a server certificate (valid for server and client authentication)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Create a client agent certificate')
            [CompletionResult]::new('--cli', '--cli', [CompletionResultType]::ParameterName, 'Create a certificate for the CLI')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;tls;cert;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a certificate for a server, a client agent or the CLI, signed by a CA')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;tls;cert;help;create' {
            break
        }
        'fedctl;tls;cert;help;help' {
            break
        }
        'fedctl;tls;help' {
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'Create certificate authorities for agent TLS')
            [CompletionResult]::new('cert', 'cert', [CompletionResultType]::ParameterValue, 'Create agent certificates signed by a CA')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;tls;help;ca' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new certificate authority (CA) for agent TLS')
            break
        }
        'fedctl;tls;help;ca;create' {
            break
        }
        'fedctl;tls;help;cert' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a certificate for a server, a client agent or the CLI, signed by a CA')
            break
        }
        'fedctl;tls;help;cert;create' {
            break
        }
        'fedctl;tls;help;help' {
            break
        }
        'fedctl;completion' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;version' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;internal' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ (or check that they are current)')
            [CompletionResult]::new('client-config', 'client-config', [CompletionResultType]::ParameterValue, 'Show the client settings a command would use to reach an agent, and where each one came from (flag, environment variable or default). The token is never printed')
            [CompletionResult]::new('envoy-ready', 'envoy-ready', [CompletionResultType]::ParameterValue, 'Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is ready (its admin API answers LIVE and it accepted the agent''s whole configuration) or why it is not (it rejected its configuration, e.g. a listener port is taken; no configuration came in time). When Envoy exits first it says nothing: Envoy''s own log says why')
            [CompletionResult]::new('echo', 'echo', [CompletionResultType]::ParameterValue, 'Serve HTTP/1.1 on -listen, answering every request with 200 and one line, `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind echo''s sidecar')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;internal;generate' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'The directory holding completions/ and man/ (the repository root)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Write nothing; fail, showing the differences, if any file is missing or stale')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;internal;client-config' {
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table (for people) or json (for programs)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;internal;envoy-ready' {
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'Envoy''s admin address, host:port')
            [CompletionResult]::new('--proxy-id', '--proxy-id', [CompletionResultType]::ParameterName, 'The proxy ID Envoy presents to the agent')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'Envoy''s process ID')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for Envoy')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]')
            [CompletionResult]::new('--client-cert', '--client-cert', [CompletionResultType]::ParameterName, 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]')
            [CompletionResult]::new('--client-key', '--client-key', [CompletionResultType]::ParameterName, 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Start again in the background and return at once')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;internal;echo' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Where to listen, ip:port')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'How the answers start, e.g. "echo in dc1 (node dc1-s1)"')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;internal;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ (or check that they are current)')
            [CompletionResult]::new('client-config', 'client-config', [CompletionResultType]::ParameterValue, 'Show the client settings a command would use to reach an agent, and where each one came from (flag, environment variable or default). The token is never printed')
            [CompletionResult]::new('envoy-ready', 'envoy-ready', [CompletionResultType]::ParameterValue, 'Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is ready (its admin API answers LIVE and it accepted the agent''s whole configuration) or why it is not (it rejected its configuration, e.g. a listener port is taken; no configuration came in time). When Envoy exits first it says nothing: Envoy''s own log says why')
            [CompletionResult]::new('echo', 'echo', [CompletionResultType]::ParameterValue, 'Serve HTTP/1.1 on -listen, answering every request with 200 and one line, `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind echo''s sidecar')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;internal;help;generate' {
            break
        }
        'fedctl;internal;help;client-config' {
            break
        }
        'fedctl;internal;help;envoy-ready' {
            break
        }
        'fedctl;internal;help;echo' {
            break
        }
        'fedctl;internal;help;help' {
            break
        }
        'fedctl;agent' {
            [CompletionResult]::new('--bootstrap-expect', '--bootstrap-expect', [CompletionResultType]::ParameterName, 'Number of servers to wait for before the datacenter elects its first leader (each server of a new datacenter is started with the same number; a lone server uses 1)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Node name, a DNS label [default: the host name]')
            [CompletionResult]::new('--datacenter', '--datacenter', [CompletionResultType]::ParameterName, 'Datacenter name [default: dc1]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory for durable state (required unless -dev)')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to bind server listeners to [default: 0.0.0.0; 127.0.0.1 with -dev]')
            [CompletionResult]::new('--advertise', '--advertise', [CompletionResultType]::ParameterName, 'Address to advertise to other nodes [default: the bind address, or the primary IP]')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Address for the HTTP API [default: 127.0.0.1]')
            [CompletionResult]::new('--http-port', '--http-port', [CompletionResultType]::ParameterName, 'HTTP API port (-1 disables, 0 picks a free port) [default: 8500]')
            [CompletionResult]::new('--server-port', '--server-port', [CompletionResultType]::ParameterName, 'Server RPC port [default: 8300]')
            [CompletionResult]::new('--serf-lan-port', '--serf-lan-port', [CompletionResultType]::ParameterName, 'LAN gossip port [default: 8301]')
            [CompletionResult]::new('--serf-wan-port', '--serf-wan-port', [CompletionResultType]::ParameterName, 'WAN gossip port [default: 8302]')
            [CompletionResult]::new('--grpc-port', '--grpc-port', [CompletionResultType]::ParameterName, 'xDS gRPC port [default: 8502]')
            [CompletionResult]::new('--grpc-tls-port', '--grpc-tls-port', [CompletionResultType]::ParameterName, 'xDS gRPC port with TLS (the agent''s certificate; -1 disables) [default: disabled]')
            [CompletionResult]::new('--https-port', '--https-port', [CompletionResultType]::ParameterName, 'HTTPS API port with the agent''s certificate (-1 disables) [default: disabled]')
            [CompletionResult]::new('--dns-port', '--dns-port', [CompletionResultType]::ParameterName, 'DNS interface port, UDP and TCP (-1 disables) [default: 8600]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The cluster''s DNS domain [default: consul]')
            [CompletionResult]::new('--join', '--join', [CompletionResultType]::ParameterName, 'A LAN address to join (host, host:port or DNS name; port 8301 by default); retried with backoff until a member answers; repeatable. Also the retry_join config key')
            [CompletionResult]::new('--retry-join', '--retry-join', [CompletionResultType]::ParameterName, 'A LAN address to join (host, host:port or DNS name; port 8301 by default); retried with backoff until a member answers; repeatable. Also the retry_join config key')
            [CompletionResult]::new('--join-wan', '--join-wan', [CompletionResultType]::ParameterName, 'A WAN address of a server in another datacenter to join (port 8302 by default); retried with backoff; repeatable. Also the retry_join_wan config key. Servers only')
            [CompletionResult]::new('--retry-join-wan', '--retry-join-wan', [CompletionResultType]::ParameterName, 'A WAN address of a server in another datacenter to join (port 8302 by default); retried with backoff; repeatable. Also the retry_join_wan config key. Servers only')
            [CompletionResult]::new('--encrypt', '--encrypt', [CompletionResultType]::ParameterName, 'The gossip encryption key: base64 of 16 or 32 bytes (`fedctl keygen`). Also the encrypt config key')
            [CompletionResult]::new('--primary-gateway', '--primary-gateway', [CompletionResultType]::ParameterName, 'A mesh gateway of the primary datacenter (host:port or DNS name:port) to bootstrap WAN federation through; repeatable; secondaries with connect.enable_mesh_gateway_wan_federation. Also the primary_gateways config key')
            [CompletionResult]::new('--primary-datacenter', '--primary-datacenter', [CompletionResultType]::ParameterName, 'The federation''s primary datacenter, which holds the canonical federation states [default: this datacenter]. Also the primary_datacenter config key')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'A config file (.hcl or .json); repeatable, later files win')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'A directory of .hcl/.json config files, read in name order; repeatable')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'Log level: trace, debug, info, warn or error [default: info]; FEDCTL_LOG overrides')
            [CompletionResult]::new('--dev', '--dev', [CompletionResultType]::ParameterName, 'Development mode: one in-memory server listening on 127.0.0.1; nothing is kept')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run as a server (raft member holding the datacenter''s state)')
            [CompletionResult]::new('--log-json', '--log-json', [CompletionResultType]::ParameterName, 'Log as JSON lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'fedctl;help' {
            [CompletionResult]::new('kv', 'kv', [CompletionResultType]::ParameterValue, 'Read and write the key/value store')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Query the catalog: datacenters, nodes, services')
            [CompletionResult]::new('services', 'services', [CompletionResultType]::ParameterValue, 'Register and deregister services with the local agent')
            [CompletionResult]::new('members', 'members', [CompletionResultType]::ParameterValue, 'List the members of the datacenter')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Leave the datacenter gracefully and stop the agent')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Run Envoy as a mesh gateway configured by the local agent')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Write, read, list and delete config entries (proxy-defaults, service-defaults, service-resolver), kept in the primary datacenter and replicated to every other')
            [CompletionResult]::new('intention', 'intention', [CompletionResultType]::ParameterValue, 'Create, show, list, check and delete intentions: which services may connect to which, by name, in every datacenter')
            [CompletionResult]::new('acl', 'acl', [CompletionResultType]::ParameterValue, 'Manage ACLs: bootstrap, policies, tokens, roles and the agent''s own tokens')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Print a new gossip encryption key')
            [CompletionResult]::new('keyring', 'keyring', [CompletionResultType]::ParameterValue, 'List, install, use or remove the gossip encryption keys of every agent')
            [CompletionResult]::new('lab', 'lab', [CompletionResultType]::ParameterValue, 'A federated lab on this machine: several datacenters through real Envoy gateways')
            [CompletionResult]::new('debug', 'debug', [CompletionResultType]::ParameterValue, 'Debug the federation: how this server reaches other datacenters through gateways')
            [CompletionResult]::new('federation-state', 'federation-state', [CompletionResultType]::ParameterValue, 'Inspect the federation states: every datacenter''s mesh gateways')
            [CompletionResult]::new('operator', 'operator', [CompletionResultType]::ParameterValue, 'Operate the datacenter''s servers (raft peers)')
            [CompletionResult]::new('tls', 'tls', [CompletionResultType]::ParameterValue, 'Create certificate authorities and certificates for agent TLS')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print fedctl''s version')
            [CompletionResult]::new('internal', 'internal', [CompletionResultType]::ParameterValue, 'Commands for fedctl''s own development')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Run an agent: a server or a client of a datacenter, with the HTTP API')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fedctl;help;kv' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Read a key''s value, or with -recurse every key under a prefix')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write a key''s value')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key, or with -recurse every key under a prefix')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Write the keys of a `fedctl kv export` (or `consul kv export`) document')
            break
        }
        'fedctl;help;kv;get' {
            break
        }
        'fedctl;help;kv;put' {
            break
        }
        'fedctl;help;kv;delete' {
            break
        }
        'fedctl;help;kv;export' {
            break
        }
        'fedctl;help;kv;import' {
            break
        }
        'fedctl;help;catalog' {
            [CompletionResult]::new('datacenters', 'datacenters', [CompletionResultType]::ParameterValue, 'List the datacenters the agent knows')
            [CompletionResult]::new('nodes', 'nodes', [CompletionResultType]::ParameterValue, 'List the nodes of the catalog')
            [CompletionResult]::new('services', 'services', [CompletionResultType]::ParameterValue, 'List the services of the catalog')
            break
        }
        'fedctl;help;catalog;datacenters' {
            break
        }
        'fedctl;help;catalog;nodes' {
            break
        }
        'fedctl;help;catalog;services' {
            break
        }
        'fedctl;help;services' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register services with the local agent, from a definition file or flags')
            [CompletionResult]::new('deregister', 'deregister', [CompletionResultType]::ParameterValue, 'Deregister services from the local agent: those defined in FILE, or -id')
            break
        }
        'fedctl;help;services;register' {
            break
        }
        'fedctl;help;services;deregister' {
            break
        }
        'fedctl;help;members' {
            break
        }
        'fedctl;help;leave' {
            break
        }
        'fedctl;help;connect' {
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'Read and change the Connect CA''s settings; a new root key rotates the root')
            [CompletionResult]::new('envoy', 'envoy', [CompletionResultType]::ParameterValue, 'Run Envoy as a service''s sidecar or as a mesh gateway, its whole configuration coming from the local agent over xDS')
            break
        }
        'fedctl;help;connect;ca' {
            [CompletionResult]::new('get-config', 'get-config', [CompletionResultType]::ParameterValue, 'Show the Connect CA''s settings (`GET /v1/connect/ca/configuration`): the provider, its Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA is configured in the primary datacenter; -datacenter reads another one')
            [CompletionResult]::new('set-config', 'set-config', [CompletionResultType]::ParameterValue, 'Change the Connect CA''s settings from a JSON file (`PUT /v1/connect/ca/configuration`), in the primary datacenter')
            break
        }
        'fedctl;help;connect;ca;get-config' {
            break
        }
        'fedctl;help;connect;ca;set-config' {
            break
        }
        'fedctl;help;connect;envoy' {
            break
        }
        'fedctl;help;config' {
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Create or update a config entry from an HCL or JSON file')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one config entry as JSON')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the names of the config entries of one kind, one per line')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a config entry')
            break
        }
        'fedctl;help;config;write' {
            break
        }
        'fedctl;help;config;read' {
            break
        }
        'fedctl;help;config;list' {
            break
        }
        'fedctl;help;config;delete' {
            break
        }
        'fedctl;help;intention' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an intention: allow (the default) or deny connections from SRC to DST')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an intention, named by its source and destination or by its ID')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one intention, named by its source and destination or by its ID')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every intention, in the order they are evaluated')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check whether SRC may connect to DST')
            [CompletionResult]::new('match', 'match', [CompletionResultType]::ParameterValue, 'List the intentions that apply to a service, in the order they are evaluated')
            break
        }
        'fedctl;help;intention;create' {
            break
        }
        'fedctl;help;intention;delete' {
            break
        }
        'fedctl;help;intention;get' {
            break
        }
        'fedctl;help;intention;list' {
            break
        }
        'fedctl;help;intention;check' {
            break
        }
        'fedctl;help;intention;match' {
            break
        }
        'fedctl;help;acl' {
            [CompletionResult]::new('bootstrap', 'bootstrap', [CompletionResultType]::ParameterValue, 'Make the first management token, once per federation')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Create, read, update, list and delete policies: named sets of rules')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Create, read, update, clone, list and delete tokens')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Create, read, update, list and delete roles: policies and service identities under one name')
            [CompletionResult]::new('set-agent-token', 'set-agent-token', [CompletionResultType]::ParameterValue, 'Set one of the agent''s own ACL tokens, until it restarts')
            break
        }
        'fedctl;help;acl;bootstrap' {
            break
        }
        'fedctl;help;acl;policy' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a policy: named rules that tokens and roles link to')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one policy and its rules, by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a policy, named by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every policy: its name, ID, description and datacenters (rules: `acl policy read`)')
            break
        }
        'fedctl;help;acl;policy;create' {
            break
        }
        'fedctl;help;acl;policy;read' {
            break
        }
        'fedctl;help;acl;policy;update' {
            break
        }
        'fedctl;help;acl;policy;delete' {
            break
        }
        'fedctl;help;acl;policy;list' {
            break
        }
        'fedctl;help;acl;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token linked to policies, roles or service identities (at least one)')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with -self the token this command sends (-token or FEDCTL_HTTP_TOKEN)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a token''s description, policies, roles or service identities')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Make a new token with the policies, roles and service identities of another')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a token by -id (its AccessorID, or a unique prefix of it)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tokens this datacenter knows (global ones and its local ones), without their SecretIDs')
            break
        }
        'fedctl;help;acl;token;create' {
            break
        }
        'fedctl;help;acl;token;read' {
            break
        }
        'fedctl;help;acl;token;update' {
            break
        }
        'fedctl;help;acl;token;clone' {
            break
        }
        'fedctl;help;acl;token;delete' {
            break
        }
        'fedctl;help;acl;token;list' {
            break
        }
        'fedctl;help;acl;role' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role: policies and service identities under one name, for tokens to link to')
            [CompletionResult]::new('read', 'read', [CompletionResultType]::ParameterValue, 'Show one role, by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a role, named by -id (a unique prefix is enough) or, without -id, by -name')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a role, named by -id (a unique prefix is enough) or -name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every role with its policies and service identities')
            break
        }
        'fedctl;help;acl;role;create' {
            break
        }
        'fedctl;help;acl;role;read' {
            break
        }
        'fedctl;help;acl;role;update' {
            break
        }
        'fedctl;help;acl;role;delete' {
            break
        }
        'fedctl;help;acl;role;list' {
            break
        }
        'fedctl;help;acl;set-agent-token' {
            break
        }
        'fedctl;help;keygen' {
            break
        }
        'fedctl;help;keyring' {
            break
        }
        'fedctl;help;lab' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Start a federated lab on this machine: datacenters federated through real Envoy gateways')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check a lab again: its processes (naming each one that is gone) and whether it is still federated; with a demo (`lab up -demo`), whether it still answers through the mesh')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Stop every process of a lab and remove what it created')
            break
        }
        'fedctl;help;lab;up' {
            break
        }
        'fedctl;help;lab;status' {
            break
        }
        'fedctl;help;lab;down' {
            break
        }
        'fedctl;help;debug' {
            [CompletionResult]::new('gateways', 'gateways', [CompletionResultType]::ParameterValue, 'Show how this server reaches every other datacenter through mesh gateways')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Show every proxy (sidecar or gateway) the local agent configures: whether its configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next renewal), and its xDS stream (the version Envoy acknowledged, the last rejection)')
            break
        }
        'fedctl;help;debug;gateways' {
            break
        }
        'fedctl;help;debug;proxy' {
            break
        }
        'fedctl;help;federation-state' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every datacenter''s federation state: its mesh gateways and how fresh it is')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one datacenter''s federation state: every mesh gateway with its addresses and health')
            break
        }
        'fedctl;help;federation-state;list' {
            break
        }
        'fedctl;help;federation-state;get' {
            break
        }
        'fedctl;help;operator' {
            [CompletionResult]::new('raft', 'raft', [CompletionResultType]::ParameterValue, 'Inspect and change the raft peers')
            break
        }
        'fedctl;help;operator;raft' {
            [CompletionResult]::new('list-peers', 'list-peers', [CompletionResultType]::ParameterValue, 'List the raft peers of the datacenter: who leads and who votes')
            [CompletionResult]::new('remove-peer', 'remove-peer', [CompletionResultType]::ParameterValue, 'Remove a server from the raft peers (for a server that is gone for good)')
            break
        }
        'fedctl;help;operator;raft;list-peers' {
            break
        }
        'fedctl;help;operator;raft;remove-peer' {
            break
        }
        'fedctl;help;tls' {
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'Create certificate authorities for agent TLS')
            [CompletionResult]::new('cert', 'cert', [CompletionResultType]::ParameterValue, 'Create agent certificates signed by a CA')
            break
        }
        'fedctl;help;tls;ca' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new certificate authority (CA) for agent TLS')
            break
        }
        'fedctl;help;tls;ca;create' {
            break
        }
        'fedctl;help;tls;cert' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a certificate for a server, a client agent or the CLI, signed by a CA')
            break
        }
        'fedctl;help;tls;cert;create' {
            break
        }
        'fedctl;help;completion' {
            break
        }
        'fedctl;help;version' {
            break
        }
        'fedctl;help;internal' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ (or check that they are current)')
            [CompletionResult]::new('client-config', 'client-config', [CompletionResultType]::ParameterValue, 'Show the client settings a command would use to reach an agent, and where each one came from (flag, environment variable or default). The token is never printed')
            [CompletionResult]::new('envoy-ready', 'envoy-ready', [CompletionResultType]::ParameterValue, 'Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is ready (its admin API answers LIVE and it accepted the agent''s whole configuration) or why it is not (it rejected its configuration, e.g. a listener port is taken; no configuration came in time). When Envoy exits first it says nothing: Envoy''s own log says why')
            [CompletionResult]::new('echo', 'echo', [CompletionResultType]::ParameterValue, 'Serve HTTP/1.1 on -listen, answering every request with 200 and one line, `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind echo''s sidecar')
            break
        }
        'fedctl;help;internal;generate' {
            break
        }
        'fedctl;help;internal;client-config' {
            break
        }
        'fedctl;help;internal;envoy-ready' {
            break
        }
        'fedctl;help;internal;echo' {
            break
        }
        'fedctl;help;agent' {
            break
        }
        'fedctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
