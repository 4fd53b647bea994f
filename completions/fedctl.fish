# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_fedctl_global_optspecs
    string join \n h/help V/version
end

function __fish_fedctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_fedctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_fedctl_using_subcommand
    set -l cmd (__fish_fedctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c fedctl -n "__fish_fedctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_needs_command" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "kv" -d 'Read and write the key/value store'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "catalog" -d 'Query the catalog: datacenters, nodes, services'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "services" -d 'Register and deregister services with the local agent'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "members" -d 'List the members of the datacenter'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "leave" -d 'Leave the datacenter gracefully and stop the agent'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "connect" -d 'Run Envoy as a mesh gateway configured by the local agent'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "config" -d 'Write, read, list and delete config entries (proxy-defaults, service-defaults, service-resolver), kept in the primary datacenter and replicated to every other'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "intention" -d 'Create, show, list, check and delete intentions: which services may connect to which, by name, in every datacenter'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "acl" -d 'Manage ACLs: bootstrap, policies, tokens, roles and the agent\'s own tokens'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "keygen" -d 'Print a new gossip encryption key'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "keyring" -d 'List, install, use or remove the gossip encryption keys of every agent'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "lab" -d 'A federated lab on this machine: several datacenters through real Envoy gateways'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "debug" -d 'Debug the federation: how this server reaches other datacenters through gateways'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "federation-state" -d 'Inspect the federation states: every datacenter\'s mesh gateways'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "operator" -d 'Operate the datacenter\'s servers (raft peers)'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "tls" -d 'Create certificate authorities and certificates for agent TLS'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "version" -d 'Print fedctl\'s version'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "internal" -d 'Commands for fedctl\'s own development'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "agent" -d 'Run an agent: a server or a client of a datacenter, with the HTTP API'
complete -c fedctl -n "__fish_fedctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and not __fish_seen_subcommand_from get put delete export import help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and not __fish_seen_subcommand_from get put delete export import help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and not __fish_seen_subcommand_from get put delete export import help" -f -a "get" -d 'Read a key\'s value, or with -recurse every key under a prefix'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and not __fish_seen_subcommand_from get put delete export import help" -f -a "put" -d 'Write a key\'s value'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and not __fish_seen_subcommand_from get put delete export import help" -f -a "delete" -d 'Delete a key, or with -recurse every key under a prefix'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and not __fish_seen_subcommand_from get put delete export import help" -f -a "export" -d 'Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and not __fish_seen_subcommand_from get put delete export import help" -f -a "import" -d 'Write the keys of a `fedctl kv export` (or `consul kv export`) document'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and not __fish_seen_subcommand_from get put delete export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l separator -d 'With -keys: list names only up to this separator' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l recurse -d 'Read every key under the prefix'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l keys -d 'List key names only'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -l detailed -d 'Show every field of the entry (indexes, flags)'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l modify-index -d 'The modify index -cas compares with (0: the key must not exist)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l flags -d 'An opaque 64-bit number stored with the value' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -l cas -d 'Check-and-set: write only if the key\'s modify index equals -modify-index'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from put" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l modify-index -d 'The modify index -cas compares with' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l recurse -d 'Delete every key under the prefix'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -l cas -d 'Check-and-set: delete only if the key\'s modify index equals -modify-index'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from help" -f -a "get" -d 'Read a key\'s value, or with -recurse every key under a prefix'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from help" -f -a "put" -d 'Write a key\'s value'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a key, or with -recurse every key under a prefix'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from help" -f -a "import" -d 'Write the keys of a `fedctl kv export` (or `consul kv export`) document'
complete -c fedctl -n "__fish_fedctl_using_subcommand kv; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and not __fish_seen_subcommand_from datacenters nodes services help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and not __fish_seen_subcommand_from datacenters nodes services help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and not __fish_seen_subcommand_from datacenters nodes services help" -f -a "datacenters" -d 'List the datacenters the agent knows'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and not __fish_seen_subcommand_from datacenters nodes services help" -f -a "nodes" -d 'List the nodes of the catalog'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and not __fish_seen_subcommand_from datacenters nodes services help" -f -a "services" -d 'List the services of the catalog'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and not __fish_seen_subcommand_from datacenters nodes services help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from datacenters" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from nodes" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -l tags -d 'Show each service\'s tags'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from services" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "datacenters" -d 'List the datacenters the agent knows'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "nodes" -d 'List the nodes of the catalog'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "services" -d 'List the services of the catalog'
complete -c fedctl -n "__fish_fedctl_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and not __fish_seen_subcommand_from register deregister help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and not __fish_seen_subcommand_from register deregister help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and not __fish_seen_subcommand_from register deregister help" -f -a "register" -d 'Register services with the local agent, from a definition file or flags'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and not __fish_seen_subcommand_from register deregister help" -f -a "deregister" -d 'Deregister services from the local agent: those defined in FILE, or -id'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and not __fish_seen_subcommand_from register deregister help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l name -d 'Service name (without FILE)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l id -d 'Service ID [default: the name]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l address -d 'Service address [default: the node\'s address]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l port -d 'Service port' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l tag -d 'A tag; repeatable' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l meta -d 'Metadata as key=value; repeatable' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from register" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -l id -d 'The service ID to deregister (without FILE)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from deregister" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from help" -f -a "register" -d 'Register services with the local agent, from a definition file or flags'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from help" -f -a "deregister" -d 'Deregister services from the local agent: those defined in FILE, or -id'
complete -c fedctl -n "__fish_fedctl_using_subcommand services; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -l wan -d 'List the WAN pool: the servers of every datacenter (names are `<node>.<dc>`)'
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand members" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand leave" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and not __fish_seen_subcommand_from ca envoy help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and not __fish_seen_subcommand_from ca envoy help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and not __fish_seen_subcommand_from ca envoy help" -f -a "ca" -d 'Read and change the Connect CA\'s settings; a new root key rotates the root'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and not __fish_seen_subcommand_from ca envoy help" -f -a "envoy" -d 'Run Envoy as a service\'s sidecar or as a mesh gateway, its whole configuration coming from the local agent over xDS'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and not __fish_seen_subcommand_from ca envoy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from ca" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from ca" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from ca" -f -a "get-config" -d 'Show the Connect CA\'s settings (`GET /v1/connect/ca/configuration`): the provider, its Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA is configured in the primary datacenter; -datacenter reads another one'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from ca" -f -a "set-config" -d 'Change the Connect CA\'s settings from a JSON file (`PUT /v1/connect/ca/configuration`), in the primary datacenter'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from ca" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l gateway -d 'Configure Envoy as a gateway of this kind: mesh (terminating and ingress are not supported yet)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l address -d 'LAN address to advertise and listen on, ip:port (`:port` for any address; no port means 8443)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l wan-address -d 'WAN address other datacenters dial, ip:port' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l bind-address -d 'A listener to bind, name=ip:port; repeatable. Replaces the default binds' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l sidecar-for -d 'Run the sidecar proxy of this service instance (the service\'s ID): the one connect-proxy registered on the agent whose Proxy.DestinationServiceID it is' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l service -d 'Service name to register [default: mesh-gateway]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l proxy-id -d 'The proxy\'s service ID on the local agent [default: with -sidecar-for, that service\'s sidecar; for a gateway, the service name when registering, else the one mesh gateway registered there] [env: CONNECT_PROXY_ID]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l admin-bind -d 'Envoy\'s admin listener, host:port' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l admin-access-log-path -d 'Where Envoy writes the admin access log' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l envoy-log-level -d 'Envoy\'s own log level: trace, debug, info, warning, error, critical or off (Envoy\'s `-l`; `-- -l LEVEL` does the same)' -r -f -a "trace\t''
debug\t''
info\t''
warning\t''
error\t''
critical\t''
off\t''"
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l envoy-log-path -d 'Write Envoy\'s own log to this file instead of stderr (Envoy\'s `--log-path`)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l envoy-binary -d 'The Envoy binary [default: `envoy` on PATH] [env: FEDCTL_ENVOY_BIN]' -r -F
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l grpc-addr -d 'The agent\'s xDS gRPC address, [http(s)://]host:port [default: the agent\'s gRPC port, from /v1/agent/self] [env: FEDCTL_GRPC_ADDR, CONSUL_GRPC_ADDR]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l deregister-after-critical -d 'Deregister the gateway after its check has been critical this long' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l mesh-gateway -d 'Deprecated spelling of -gateway=mesh'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l register -d 'Register the gateway service with the local agent before starting Envoy'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l expose-servers -d 'Route server-to-server traffic (WAN federation) through this gateway: registers it with meta consul-wan-federation=1. Needs -gateway=mesh and -register'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -l bootstrap -d 'Print the bootstrap JSON to stdout instead of running Envoy'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from envoy" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from help" -f -a "ca" -d 'Read and change the Connect CA\'s settings; a new root key rotates the root'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from help" -f -a "envoy" -d 'Run Envoy as a service\'s sidecar or as a mesh gateway, its whole configuration coming from the local agent over xDS'
complete -c fedctl -n "__fish_fedctl_using_subcommand connect; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and not __fish_seen_subcommand_from write read list delete help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and not __fish_seen_subcommand_from write read list delete help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and not __fish_seen_subcommand_from write read list delete help" -f -a "write" -d 'Create or update a config entry from an HCL or JSON file'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and not __fish_seen_subcommand_from write read list delete help" -f -a "read" -d 'Show one config entry as JSON'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and not __fish_seen_subcommand_from write read list delete help" -f -a "list" -d 'List the names of the config entries of one kind, one per line'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and not __fish_seen_subcommand_from write read list delete help" -f -a "delete" -d 'Delete a config entry'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and not __fish_seen_subcommand_from write read list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l modify-index -d 'The modify index -cas compares with (0: the entry must not exist)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -l cas -d 'Check-and-set: write only if the entry\'s modify index equals -modify-index'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from write" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l kind -d 'The entry\'s kind: proxy-defaults, service-defaults, service-resolver or service-intentions' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l name -d 'The entry\'s name (a service name; `global` for proxy-defaults)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from read" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l kind -d 'The kind to list: proxy-defaults, service-defaults, service-resolver or service-intentions' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l kind -d 'The entry\'s kind: proxy-defaults, service-defaults, service-resolver or service-intentions' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l name -d 'The entry\'s name (a service name; `global` for proxy-defaults)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "write" -d 'Create or update a config entry from an HCL or JSON file'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "read" -d 'Show one config entry as JSON'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the names of the config entries of one kind, one per line'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a config entry'
complete -c fedctl -n "__fish_fedctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and not __fish_seen_subcommand_from create delete get list check match help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and not __fish_seen_subcommand_from create delete get list check match help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and not __fish_seen_subcommand_from create delete get list check match help" -f -a "create" -d 'Create an intention: allow (the default) or deny connections from SRC to DST'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and not __fish_seen_subcommand_from create delete get list check match help" -f -a "delete" -d 'Delete an intention, named by its source and destination or by its ID'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and not __fish_seen_subcommand_from create delete get list check match help" -f -a "get" -d 'Show one intention, named by its source and destination or by its ID'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and not __fish_seen_subcommand_from create delete get list check match help" -f -a "list" -d 'List every intention, in the order they are evaluated'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and not __fish_seen_subcommand_from create delete get list check match help" -f -a "check" -d 'Check whether SRC may connect to DST'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and not __fish_seen_subcommand_from create delete get list check match help" -f -a "match" -d 'List the intentions that apply to a service, in the order they are evaluated'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and not __fish_seen_subcommand_from create delete get list check match help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l meta -d 'Metadata as key=value; repeatable' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l allow -d 'Allow the connections (the default)'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l deny -d 'Deny the connections'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l replace -d 'Update the intention of the same source and destination if there is one'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -l file -d 'Read the intentions from the files given as arguments (JSON), instead of SRC DST'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l source -d 'Match NAME as the source'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -l destination -d 'Match NAME as the destination (the default)'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from match" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an intention: allow (the default) or deny connections from SRC to DST'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an intention, named by its source and destination or by its ID'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one intention, named by its source and destination or by its ID'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every intention, in the order they are evaluated'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check whether SRC may connect to DST'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from help" -f -a "match" -d 'List the intentions that apply to a service, in the order they are evaluated'
complete -c fedctl -n "__fish_fedctl_using_subcommand intention; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and not __fish_seen_subcommand_from bootstrap policy token role set-agent-token help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and not __fish_seen_subcommand_from bootstrap policy token role set-agent-token help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and not __fish_seen_subcommand_from bootstrap policy token role set-agent-token help" -f -a "bootstrap" -d 'Make the first management token, once per federation'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and not __fish_seen_subcommand_from bootstrap policy token role set-agent-token help" -f -a "policy" -d 'Create, read, update, list and delete policies: named sets of rules'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and not __fish_seen_subcommand_from bootstrap policy token role set-agent-token help" -f -a "token" -d 'Create, read, update, clone, list and delete tokens'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and not __fish_seen_subcommand_from bootstrap policy token role set-agent-token help" -f -a "role" -d 'Create, read, update, list and delete roles: policies and service identities under one name'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and not __fish_seen_subcommand_from bootstrap policy token role set-agent-token help" -f -a "set-agent-token" -d 'Set one of the agent\'s own ACL tokens, until it restarts'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and not __fish_seen_subcommand_from bootstrap policy token role set-agent-token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -l meta -d 'Also show the content hash and the raft indexes'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from bootstrap" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from policy" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from policy" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from policy" -f -a "create" -d 'Create a policy: named rules that tokens and roles link to'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from policy" -f -a "read" -d 'Show one policy and its rules, by -id (a unique prefix is enough) or -name'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from policy" -f -a "update" -d 'Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from policy" -f -a "delete" -d 'Delete a policy, named by -id (a unique prefix is enough) or -name'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from policy" -f -a "list" -d 'List every policy: its name, ID, description and datacenters (rules: `acl policy read`)'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from policy" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create a token linked to policies, roles or service identities (at least one)'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from token" -f -a "read" -d 'Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with -self the token this command sends (-token or FEDCTL_HTTP_TOKEN)'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from token" -f -a "update" -d 'Change a token\'s description, policies, roles or service identities'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from token" -f -a "clone" -d 'Make a new token with the policies, roles and service identities of another'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from token" -f -a "delete" -d 'Delete a token by -id (its AccessorID, or a unique prefix of it)'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from token" -f -a "list" -d 'List the tokens this datacenter knows (global ones and its local ones), without their SecretIDs'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from token" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from role" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from role" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from role" -f -a "create" -d 'Create a role: policies and service identities under one name, for tokens to link to'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from role" -f -a "read" -d 'Show one role, by -id (a unique prefix is enough) or -name'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from role" -f -a "update" -d 'Change a role, named by -id (a unique prefix is enough) or, without -id, by -name'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from role" -f -a "delete" -d 'Delete a role, named by -id (a unique prefix is enough) or -name'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from role" -f -a "list" -d 'List every role with its policies and service identities'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from role" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from set-agent-token" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "bootstrap" -d 'Make the first management token, once per federation'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "policy" -d 'Create, read, update, list and delete policies: named sets of rules'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "token" -d 'Create, read, update, clone, list and delete tokens'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "role" -d 'Create, read, update, list and delete roles: policies and service identities under one name'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "set-agent-token" -d 'Set one of the agent\'s own ACL tokens, until it restarts'
complete -c fedctl -n "__fish_fedctl_using_subcommand acl; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand keygen" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand keygen" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l install -d 'Install a key (base64) on every member' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l use -d 'Make an installed key every member\'s primary: what gossip is encrypted with' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l remove -d 'Remove a key from every member (not the primary)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l relay-factor -d 'Accepted for the reference\'s scripts (0 to 5); fedctl asks every member directly' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l list -d 'List the keys of every pool'
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -l local-only -d 'With -list: only the keys of the agent asked, no member queried'
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand keyring" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and not __fish_seen_subcommand_from up status down help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and not __fish_seen_subcommand_from up status down help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and not __fish_seen_subcommand_from up status down help" -f -a "up" -d 'Start a federated lab on this machine: datacenters federated through real Envoy gateways'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and not __fish_seen_subcommand_from up status down help" -f -a "status" -d 'Check a lab again: its processes (naming each one that is gone) and whether it is still federated; with a demo (`lab up -demo`), whether it still answers through the mesh'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and not __fish_seen_subcommand_from up status down help" -f -a "down" -d 'Stop every process of a lab and remove what it created'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and not __fish_seen_subcommand_from up status down help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l datacenters -d 'Datacenters (1-9); dc1 is the primary' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l servers -d 'Servers per datacenter (1-5)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l gateways -d 'Mesh gateways per datacenter (1-3)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l dir -d 'Where the lab keeps its certificates, configs, data and logs [default: a new directory under the system temp dir]' -r -F
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l name -d 'The lab\'s name, for `lab status -name` and `lab down -name` (letters, digits, \'.\', \'_\', \'-\') [default: the -dir directory\'s name, else "lab"; with "-2", "-3", ... added while another running lab has it]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l detach -d 'Leave the lab running and return'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l isolate -d 'Put every server and gateway in its own network namespace (needs root, and nftables): servers of different datacenters have no route to each other, only gateways reach the WAN (a secondary\'s servers may dial the primary\'s gateways, as the reference needs)'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l insecure -d 'Run the lab open, as before: no gossip encryption, no ACLs, no HTTPS. Without it, every agent encrypts gossip with one key, ACLs are on (default deny) with a token for the servers, replication and the gateways, and the HTTP API is also served over TLS'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -l demo -d 'Also deploy a demo in every datacenter: an echo app and the services echo and web with sidecars (web\'s upstreams: echo here and in the next datacenter, with failover), and print the curls that go through the mesh'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from up" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from status" -l dir -d 'The lab\'s directory [default: the running lab]' -r -F
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from status" -l name -d 'The lab\'s name (`lab up -name`, else its directory\'s name)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from status" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from status" -l all -d 'List every running lab (with -format=json: a JSON array, however many run)'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from down" -l dir -d 'The lab\'s directory [default: the running lab]' -r -F
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from down" -l name -d 'The lab\'s name (`lab up -name`, else its directory\'s name)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from down" -l all -d 'Stop every running lab'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from down" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "up" -d 'Start a federated lab on this machine: datacenters federated through real Envoy gateways'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "status" -d 'Check a lab again: its processes (naming each one that is gone) and whether it is still federated; with a demo (`lab up -demo`), whether it still answers through the mesh'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "down" -d 'Stop every process of a lab and remove what it created'
complete -c fedctl -n "__fish_fedctl_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and not __fish_seen_subcommand_from gateways proxy help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and not __fish_seen_subcommand_from gateways proxy help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and not __fish_seen_subcommand_from gateways proxy help" -f -a "gateways" -d 'Show how this server reaches every other datacenter through mesh gateways'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and not __fish_seen_subcommand_from gateways proxy help" -f -a "proxy" -d 'Show every proxy (sidecar or gateway) the local agent configures: whether its configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next renewal), and its xDS stream (the version Envoy acknowledged, the last rejection)'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and not __fish_seen_subcommand_from gateways proxy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l tries -d 'Handshakes per path when probing (1-50)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l probe -d 'Probe every path with real handshakes'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -l services -d 'Also show the data-plane routes: the services each datacenter\'s gateways expose, read in that datacenter through the gateways (so with a datacenter unreachable, this dials it, and the dial failures show it)'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from gateways" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l source -d 'Show the decision a client of this service gets at each sidecar, and the intention that made it' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from proxy" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from help" -f -a "gateways" -d 'Show how this server reaches every other datacenter through mesh gateways'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from help" -f -a "proxy" -d 'Show every proxy (sidecar or gateway) the local agent configures: whether its configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next renewal), and its xDS stream (the version Envoy acknowledged, the last rejection)'
complete -c fedctl -n "__fish_fedctl_using_subcommand debug; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and not __fish_seen_subcommand_from list get help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and not __fish_seen_subcommand_from list get help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and not __fish_seen_subcommand_from list get help" -f -a "list" -d 'List every datacenter\'s federation state: its mesh gateways and how fresh it is'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and not __fish_seen_subcommand_from list get help" -f -a "get" -d 'Show one datacenter\'s federation state: every mesh gateway with its addresses and health'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and not __fish_seen_subcommand_from list get help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l stale-after -d 'Fail (exit 3) when any state is older than this (e.g. 5m; at least 90s, the refresh period) or replication is failing' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every datacenter\'s federation state: its mesh gateways and how fresh it is'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one datacenter\'s federation state: every mesh gateway with its addresses and health'
complete -c fedctl -n "__fish_fedctl_using_subcommand federation-state; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and not __fish_seen_subcommand_from raft help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and not __fish_seen_subcommand_from raft help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and not __fish_seen_subcommand_from raft help" -f -a "raft" -d 'Inspect and change the raft peers'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and not __fish_seen_subcommand_from raft help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and __fish_seen_subcommand_from raft" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and __fish_seen_subcommand_from raft" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and __fish_seen_subcommand_from raft" -f -a "list-peers" -d 'List the raft peers of the datacenter: who leads and who votes'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and __fish_seen_subcommand_from raft" -f -a "remove-peer" -d 'Remove a server from the raft peers (for a server that is gone for good)'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and __fish_seen_subcommand_from raft" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and __fish_seen_subcommand_from help" -f -a "raft" -d 'Inspect and change the raft peers'
complete -c fedctl -n "__fish_fedctl_using_subcommand operator; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and not __fish_seen_subcommand_from ca cert help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and not __fish_seen_subcommand_from ca cert help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and not __fish_seen_subcommand_from ca cert help" -f -a "ca" -d 'Create certificate authorities for agent TLS'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and not __fish_seen_subcommand_from ca cert help" -f -a "cert" -d 'Create agent certificates signed by a CA'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and not __fish_seen_subcommand_from ca cert help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from ca" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from ca" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from ca" -f -a "create" -d 'Create a new certificate authority (CA) for agent TLS'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from ca" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from cert" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from cert" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from cert" -f -a "create" -d 'Create a certificate for a server, a client agent or the CLI, signed by a CA'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from cert" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from help" -f -a "ca" -d 'Create certificate authorities for agent TLS'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from help" -f -a "cert" -d 'Create agent certificates signed by a CA'
complete -c fedctl -n "__fish_fedctl_using_subcommand tls; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand completion" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand completion" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand version" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand version" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and not __fish_seen_subcommand_from generate client-config envoy-ready echo help" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and not __fish_seen_subcommand_from generate client-config envoy-ready echo help" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and not __fish_seen_subcommand_from generate client-config envoy-ready echo help" -f -a "generate" -d 'Regenerate completions/ and man/ (or check that they are current)'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and not __fish_seen_subcommand_from generate client-config envoy-ready echo help" -f -a "client-config" -d 'Show the client settings a command would use to reach an agent, and where each one came from (flag, environment variable or default). The token is never printed'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and not __fish_seen_subcommand_from generate client-config envoy-ready echo help" -f -a "envoy-ready" -d 'Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is ready (its admin API answers LIVE and it accepted the agent\'s whole configuration) or why it is not (it rejected its configuration, e.g. a listener port is taken; no configuration came in time). When Envoy exits first it says nothing: Envoy\'s own log says why'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and not __fish_seen_subcommand_from generate client-config envoy-ready echo help" -f -a "echo" -d 'Serve HTTP/1.1 on -listen, answering every request with 200 and one line, `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind echo\'s sidecar'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and not __fish_seen_subcommand_from generate client-config envoy-ready echo help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from generate" -l out-dir -d 'The directory holding completions/ and man/ (the repository root)' -r -F
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from generate" -l check -d 'Write nothing; fail, showing the differences, if any file is missing or stale'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -l format -d 'Output format: table (for people) or json (for programs)' -r -f -a "table\t'For people: tables and `==>` lines'
json\t'For programs: one JSON document on stdout'"
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from client-config" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l admin -d 'Envoy\'s admin address, host:port' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l proxy-id -d 'The proxy ID Envoy presents to the agent' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l pid -d 'Envoy\'s process ID' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l timeout -d 'How long to wait for Envoy' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l http-addr -d 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l token -d 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l token-file -d 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l ca-file -d 'CA certificate to verify the agent\'s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l client-cert -d 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l client-key -d 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l tls-server-name -d 'Server name to expect in the agent\'s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l datacenter -d 'Datacenter to query [default: the agent\'s own] [env: FEDCTL_DATACENTER]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -l detach -d 'Start again in the background and return at once'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from envoy-ready" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from echo" -l listen -d 'Where to listen, ip:port' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from echo" -l name -d 'How the answers start, e.g. "echo in dc1 (node dc1-s1)"' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from echo" -s h -l help -d 'Print help'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from echo" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Regenerate completions/ and man/ (or check that they are current)'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from help" -f -a "client-config" -d 'Show the client settings a command would use to reach an agent, and where each one came from (flag, environment variable or default). The token is never printed'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from help" -f -a "envoy-ready" -d 'Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is ready (its admin API answers LIVE and it accepted the agent\'s whole configuration) or why it is not (it rejected its configuration, e.g. a listener port is taken; no configuration came in time). When Envoy exits first it says nothing: Envoy\'s own log says why'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from help" -f -a "echo" -d 'Serve HTTP/1.1 on -listen, answering every request with 200 and one line, `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind echo\'s sidecar'
complete -c fedctl -n "__fish_fedctl_using_subcommand internal; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l bootstrap-expect -d 'Number of servers to wait for before the datacenter elects its first leader (each server of a new datacenter is started with the same number; a lone server uses 1)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l node -d 'Node name, a DNS label [default: the host name]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l datacenter -d 'Datacenter name [default: dc1]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l data-dir -d 'Directory for durable state (required unless -dev)' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l bind -d 'Address to bind server listeners to [default: 0.0.0.0; 127.0.0.1 with -dev]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l advertise -d 'Address to advertise to other nodes [default: the bind address, or the primary IP]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l client -d 'Address for the HTTP API [default: 127.0.0.1]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l http-port -d 'HTTP API port (-1 disables, 0 picks a free port) [default: 8500]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l server-port -d 'Server RPC port [default: 8300]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l serf-lan-port -d 'LAN gossip port [default: 8301]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l serf-wan-port -d 'WAN gossip port [default: 8302]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l grpc-port -d 'xDS gRPC port [default: 8502]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l grpc-tls-port -d 'xDS gRPC port with TLS (the agent\'s certificate; -1 disables) [default: disabled]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l https-port -d 'HTTPS API port with the agent\'s certificate (-1 disables) [default: disabled]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l dns-port -d 'DNS interface port, UDP and TCP (-1 disables) [default: 8600]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l domain -d 'The cluster\'s DNS domain [default: consul]' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l join -l retry-join -d 'A LAN address to join (host, host:port or DNS name; port 8301 by default); retried with backoff until a member answers; repeatable. Also the retry_join config key' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l join-wan -l retry-join-wan -d 'A WAN address of a server in another datacenter to join (port 8302 by default); retried with backoff; repeatable. Also the retry_join_wan config key. Servers only' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l encrypt -d 'The gossip encryption key: base64 of 16 or 32 bytes (`fedctl keygen`). Also the encrypt config key' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l primary-gateway -d 'A mesh gateway of the primary datacenter (host:port or DNS name:port) to bootstrap WAN federation through; repeatable; secondaries with connect.enable_mesh_gateway_wan_federation. Also the primary_gateways config key' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l primary-datacenter -d 'The federation\'s primary datacenter, which holds the canonical federation states [default: this datacenter]. Also the primary_datacenter config key' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l config-file -d 'A config file (.hcl or .json); repeatable, later files win' -r -F
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l config-dir -d 'A directory of .hcl/.json config files, read in name order; repeatable' -r -F
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l log-level -d 'Log level: trace, debug, info, warn or error [default: info]; FEDCTL_LOG overrides' -r
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l dev -d 'Development mode: one in-memory server listening on 127.0.0.1; nothing is kept'
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l server -d 'Run as a server (raft member holding the datacenter\'s state)'
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -l log-json -d 'Log as JSON lines'
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fedctl -n "__fish_fedctl_using_subcommand agent" -s V -l version -d 'Print version'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "kv" -d 'Read and write the key/value store'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "catalog" -d 'Query the catalog: datacenters, nodes, services'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "services" -d 'Register and deregister services with the local agent'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "members" -d 'List the members of the datacenter'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "leave" -d 'Leave the datacenter gracefully and stop the agent'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "connect" -d 'Run Envoy as a mesh gateway configured by the local agent'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "config" -d 'Write, read, list and delete config entries (proxy-defaults, service-defaults, service-resolver), kept in the primary datacenter and replicated to every other'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "intention" -d 'Create, show, list, check and delete intentions: which services may connect to which, by name, in every datacenter'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "acl" -d 'Manage ACLs: bootstrap, policies, tokens, roles and the agent\'s own tokens'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "keygen" -d 'Print a new gossip encryption key'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "keyring" -d 'List, install, use or remove the gossip encryption keys of every agent'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "lab" -d 'A federated lab on this machine: several datacenters through real Envoy gateways'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "debug" -d 'Debug the federation: how this server reaches other datacenters through gateways'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "federation-state" -d 'Inspect the federation states: every datacenter\'s mesh gateways'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "operator" -d 'Operate the datacenter\'s servers (raft peers)'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "tls" -d 'Create certificate authorities and certificates for agent TLS'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "completion" -d 'Print a shell completion script'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "version" -d 'Print fedctl\'s version'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "internal" -d 'Commands for fedctl\'s own development'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "agent" -d 'Run an agent: a server or a client of a datacenter, with the HTTP API'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and not __fish_seen_subcommand_from kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from kv" -f -a "get" -d 'Read a key\'s value, or with -recurse every key under a prefix'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from kv" -f -a "put" -d 'Write a key\'s value'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from kv" -f -a "delete" -d 'Delete a key, or with -recurse every key under a prefix'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from kv" -f -a "export" -d 'Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from kv" -f -a "import" -d 'Write the keys of a `fedctl kv export` (or `consul kv export`) document'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "datacenters" -d 'List the datacenters the agent knows'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "nodes" -d 'List the nodes of the catalog'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "services" -d 'List the services of the catalog'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from services" -f -a "register" -d 'Register services with the local agent, from a definition file or flags'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from services" -f -a "deregister" -d 'Deregister services from the local agent: those defined in FILE, or -id'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from connect" -f -a "ca" -d 'Read and change the Connect CA\'s settings; a new root key rotates the root'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from connect" -f -a "envoy" -d 'Run Envoy as a service\'s sidecar or as a mesh gateway, its whole configuration coming from the local agent over xDS'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "write" -d 'Create or update a config entry from an HCL or JSON file'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "read" -d 'Show one config entry as JSON'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'List the names of the config entries of one kind, one per line'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "delete" -d 'Delete a config entry'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from intention" -f -a "create" -d 'Create an intention: allow (the default) or deny connections from SRC to DST'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from intention" -f -a "delete" -d 'Delete an intention, named by its source and destination or by its ID'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from intention" -f -a "get" -d 'Show one intention, named by its source and destination or by its ID'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from intention" -f -a "list" -d 'List every intention, in the order they are evaluated'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from intention" -f -a "check" -d 'Check whether SRC may connect to DST'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from intention" -f -a "match" -d 'List the intentions that apply to a service, in the order they are evaluated'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "bootstrap" -d 'Make the first management token, once per federation'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "policy" -d 'Create, read, update, list and delete policies: named sets of rules'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "token" -d 'Create, read, update, clone, list and delete tokens'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "role" -d 'Create, read, update, list and delete roles: policies and service identities under one name'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from acl" -f -a "set-agent-token" -d 'Set one of the agent\'s own ACL tokens, until it restarts'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from lab" -f -a "up" -d 'Start a federated lab on this machine: datacenters federated through real Envoy gateways'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from lab" -f -a "status" -d 'Check a lab again: its processes (naming each one that is gone) and whether it is still federated; with a demo (`lab up -demo`), whether it still answers through the mesh'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from lab" -f -a "down" -d 'Stop every process of a lab and remove what it created'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from debug" -f -a "gateways" -d 'Show how this server reaches every other datacenter through mesh gateways'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from debug" -f -a "proxy" -d 'Show every proxy (sidecar or gateway) the local agent configures: whether its configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next renewal), and its xDS stream (the version Envoy acknowledged, the last rejection)'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from federation-state" -f -a "list" -d 'List every datacenter\'s federation state: its mesh gateways and how fresh it is'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from federation-state" -f -a "get" -d 'Show one datacenter\'s federation state: every mesh gateway with its addresses and health'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from operator" -f -a "raft" -d 'Inspect and change the raft peers'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from tls" -f -a "ca" -d 'Create certificate authorities for agent TLS'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from tls" -f -a "cert" -d 'Create agent certificates signed by a CA'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from internal" -f -a "generate" -d 'Regenerate completions/ and man/ (or check that they are current)'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from internal" -f -a "client-config" -d 'Show the client settings a command would use to reach an agent, and where each one came from (flag, environment variable or default). The token is never printed'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from internal" -f -a "envoy-ready" -d 'Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is ready (its admin API answers LIVE and it accepted the agent\'s whole configuration) or why it is not (it rejected its configuration, e.g. a listener port is taken; no configuration came in time). When Envoy exits first it says nothing: Envoy\'s own log says why'
complete -c fedctl -n "__fish_fedctl_using_subcommand help; and __fish_seen_subcommand_from internal" -f -a "echo" -d 'Serve HTTP/1.1 on -listen, answering every request with 200 and one line, `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind echo\'s sidecar'
