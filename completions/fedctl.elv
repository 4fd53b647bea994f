
use builtin;
use str;

set edit:completion:arg-completer[fedctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'fedctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'fedctl'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand kv 'Read and write the key/value store'
            cand catalog 'Query the catalog: datacenters, nodes, services'
            cand services 'Register and deregister services with the local agent'
            cand members 'List the members of the datacenter'
            cand leave 'Leave the datacenter gracefully and stop the agent'
            cand connect 'Run Envoy as a mesh gateway configured by the local agent'
            cand config 'Write, read, list and delete config entries (proxy-defaults, service-defaults, service-resolver), kept in the primary datacenter and replicated to every other'
            cand intention 'Create, show, list, check and delete intentions: which services may connect to which, by name, in every datacenter'
            cand acl 'Manage ACLs: bootstrap, policies, tokens, roles and the agent''s own tokens'
            cand keygen 'Print a new gossip encryption key'
            cand keyring 'List, install, use or remove the gossip encryption keys of every agent'
            cand lab 'A federated lab on this machine: several datacenters through real Envoy gateways'
            cand debug 'Debug the federation: how this server reaches other datacenters through gateways'
            cand federation-state 'Inspect the federation states: every datacenter''s mesh gateways'
            cand operator 'Operate the datacenter''s servers (raft peers)'
            cand tls 'Create certificate authorities and certificates for agent TLS'
            cand completion 'Print a shell completion script'
            cand version 'Print fedctl''s version'
            cand internal 'Commands for fedctl''s own development'
            cand agent 'Run an agent: a server or a client of a datacenter, with the HTTP API'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;kv'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get 'Read a key''s value, or with -recurse every key under a prefix'
            cand put 'Write a key''s value'
            cand delete 'Delete a key, or with -recurse every key under a prefix'
            cand export 'Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads'
            cand import 'Write the keys of a `fedctl kv export` (or `consul kv export`) document'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;kv;get'= {
            cand --separator 'With -keys: list names only up to this separator'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --recurse 'Read every key under the prefix'
            cand --keys 'List key names only'
            cand --detailed 'Show every field of the entry (indexes, flags)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;kv;put'= {
            cand --modify-index 'The modify index -cas compares with (0: the key must not exist)'
            cand --flags 'An opaque 64-bit number stored with the value'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --cas 'Check-and-set: write only if the key''s modify index equals -modify-index'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;kv;delete'= {
            cand --modify-index 'The modify index -cas compares with'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --recurse 'Delete every key under the prefix'
            cand --cas 'Check-and-set: delete only if the key''s modify index equals -modify-index'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;kv;export'= {
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;kv;import'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;kv;help'= {
            cand get 'Read a key''s value, or with -recurse every key under a prefix'
            cand put 'Write a key''s value'
            cand delete 'Delete a key, or with -recurse every key under a prefix'
            cand export 'Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads'
            cand import 'Write the keys of a `fedctl kv export` (or `consul kv export`) document'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;kv;help;get'= {
        }
        &'fedctl;kv;help;put'= {
        }
        &'fedctl;kv;help;delete'= {
        }
        &'fedctl;kv;help;export'= {
        }
        &'fedctl;kv;help;import'= {
        }
        &'fedctl;kv;help;help'= {
        }
        &'fedctl;catalog'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand datacenters 'List the datacenters the agent knows'
            cand nodes 'List the nodes of the catalog'
            cand services 'List the services of the catalog'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;catalog;datacenters'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;catalog;nodes'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;catalog;services'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --tags 'Show each service''s tags'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;catalog;help'= {
            cand datacenters 'List the datacenters the agent knows'
            cand nodes 'List the nodes of the catalog'
            cand services 'List the services of the catalog'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;catalog;help;datacenters'= {
        }
        &'fedctl;catalog;help;nodes'= {
        }
        &'fedctl;catalog;help;services'= {
        }
        &'fedctl;catalog;help;help'= {
        }
        &'fedctl;services'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand register 'Register services with the local agent, from a definition file or flags'
            cand deregister 'Deregister services from the local agent: those defined in FILE, or -id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;services;register'= {
            cand --name 'Service name (without FILE)'
            cand --id 'Service ID [default: the name]'
            cand --address 'Service address [default: the node''s address]'
            cand --port 'Service port'
            cand --tag 'A tag; repeatable'
            cand --meta 'Metadata as key=value; repeatable'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;services;deregister'= {
            cand --id 'The service ID to deregister (without FILE)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;services;help'= {
            cand register 'Register services with the local agent, from a definition file or flags'
            cand deregister 'Deregister services from the local agent: those defined in FILE, or -id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;services;help;register'= {
        }
        &'fedctl;services;help;deregister'= {
        }
        &'fedctl;services;help;help'= {
        }
        &'fedctl;members'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --wan 'List the WAN pool: the servers of every datacenter (names are `<node>.<dc>`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;leave'= {
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;connect'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ca 'Read and change the Connect CA''s settings; a new root key rotates the root'
            cand envoy 'Run Envoy as a service''s sidecar or as a mesh gateway, its whole configuration coming from the local agent over xDS'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;connect;ca'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get-config 'Show the Connect CA''s settings (`GET /v1/connect/ca/configuration`): the provider, its Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA is configured in the primary datacenter; -datacenter reads another one'
            cand set-config 'Change the Connect CA''s settings from a JSON file (`PUT /v1/connect/ca/configuration`), in the primary datacenter'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;connect;ca;get-config'= {
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --stale 'Let any server answer, not only the leader'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;connect;ca;set-config'= {
            cand --config-file 'The JSON file with the new configuration'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;connect;ca;help'= {
            cand get-config 'Show the Connect CA''s settings (`GET /v1/connect/ca/configuration`): the provider, its Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA is configured in the primary datacenter; -datacenter reads another one'
            cand set-config 'Change the Connect CA''s settings from a JSON file (`PUT /v1/connect/ca/configuration`), in the primary datacenter'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;connect;ca;help;get-config'= {
        }
        &'fedctl;connect;ca;help;set-config'= {
        }
        &'fedctl;connect;ca;help;help'= {
        }
        &'fedctl;connect;envoy'= {
            cand --gateway 'Configure Envoy as a gateway of this kind: mesh (terminating and ingress are not supported yet)'
            cand --address 'LAN address to advertise and listen on, ip:port (`:port` for any address; no port means 8443)'
            cand --wan-address 'WAN address other datacenters dial, ip:port'
            cand --bind-address 'A listener to bind, name=ip:port; repeatable. Replaces the default binds'
            cand --sidecar-for 'Run the sidecar proxy of this service instance (the service''s ID): the one connect-proxy registered on the agent whose Proxy.DestinationServiceID it is'
            cand --service 'Service name to register [default: mesh-gateway]'
            cand --proxy-id 'The proxy''s service ID on the local agent [default: with -sidecar-for, that service''s sidecar; for a gateway, the service name when registering, else the one mesh gateway registered there] [env: CONNECT_PROXY_ID]'
            cand --admin-bind 'Envoy''s admin listener, host:port'
            cand --admin-access-log-path 'Where Envoy writes the admin access log'
            cand --envoy-log-level 'Envoy''s own log level: trace, debug, info, warning, error, critical or off (Envoy''s `-l`; `-- -l LEVEL` does the same)'
            cand --envoy-log-path 'Write Envoy''s own log to this file instead of stderr (Envoy''s `--log-path`)'
            cand --envoy-binary 'The Envoy binary [default: `envoy` on PATH] [env: FEDCTL_ENVOY_BIN]'
            cand --grpc-addr 'The agent''s xDS gRPC address, [http(s)://]host:port [default: the agent''s gRPC port, from /v1/agent/self] [env: FEDCTL_GRPC_ADDR, CONSUL_GRPC_ADDR]'
            cand --deregister-after-critical 'Deregister the gateway after its check has been critical this long'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --mesh-gateway 'Deprecated spelling of -gateway=mesh'
            cand --register 'Register the gateway service with the local agent before starting Envoy'
            cand --expose-servers 'Route server-to-server traffic (WAN federation) through this gateway: registers it with meta consul-wan-federation=1. Needs -gateway=mesh and -register'
            cand --bootstrap 'Print the bootstrap JSON to stdout instead of running Envoy'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;connect;help'= {
            cand ca 'Read and change the Connect CA''s settings; a new root key rotates the root'
            cand envoy 'Run Envoy as a service''s sidecar or as a mesh gateway, its whole configuration coming from the local agent over xDS'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;connect;help;ca'= {
            cand get-config 'Show the Connect CA''s settings (`GET /v1/connect/ca/configuration`): the provider, its Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA is configured in the primary datacenter; -datacenter reads another one'
            cand set-config 'Change the Connect CA''s settings from a JSON file (`PUT /v1/connect/ca/configuration`), in the primary datacenter'
        }
        &'fedctl;connect;help;ca;get-config'= {
        }
        &'fedctl;connect;help;ca;set-config'= {
        }
        &'fedctl;connect;help;envoy'= {
        }
        &'fedctl;connect;help;help'= {
        }
        &'fedctl;config'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand write 'Create or update a config entry from an HCL or JSON file'
            cand read 'Show one config entry as JSON'
            cand list 'List the names of the config entries of one kind, one per line'
            cand delete 'Delete a config entry'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;config;write'= {
            cand --modify-index 'The modify index -cas compares with (0: the entry must not exist)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --cas 'Check-and-set: write only if the entry''s modify index equals -modify-index'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;config;read'= {
            cand --kind 'The entry''s kind: proxy-defaults, service-defaults, service-resolver or service-intentions'
            cand --name 'The entry''s name (a service name; `global` for proxy-defaults)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;config;list'= {
            cand --kind 'The kind to list: proxy-defaults, service-defaults, service-resolver or service-intentions'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;config;delete'= {
            cand --kind 'The entry''s kind: proxy-defaults, service-defaults, service-resolver or service-intentions'
            cand --name 'The entry''s name (a service name; `global` for proxy-defaults)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;config;help'= {
            cand write 'Create or update a config entry from an HCL or JSON file'
            cand read 'Show one config entry as JSON'
            cand list 'List the names of the config entries of one kind, one per line'
            cand delete 'Delete a config entry'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;config;help;write'= {
        }
        &'fedctl;config;help;read'= {
        }
        &'fedctl;config;help;list'= {
        }
        &'fedctl;config;help;delete'= {
        }
        &'fedctl;config;help;help'= {
        }
        &'fedctl;intention'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create an intention: allow (the default) or deny connections from SRC to DST'
            cand delete 'Delete an intention, named by its source and destination or by its ID'
            cand get 'Show one intention, named by its source and destination or by its ID'
            cand list 'List every intention, in the order they are evaluated'
            cand check 'Check whether SRC may connect to DST'
            cand match 'List the intentions that apply to a service, in the order they are evaluated'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;intention;create'= {
            cand --meta 'Metadata as key=value; repeatable'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --allow 'Allow the connections (the default)'
            cand --deny 'Deny the connections'
            cand --replace 'Update the intention of the same source and destination if there is one'
            cand --file 'Read the intentions from the files given as arguments (JSON), instead of SRC DST'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;intention;delete'= {
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;intention;get'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;intention;list'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;intention;check'= {
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;intention;match'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --source 'Match NAME as the source'
            cand --destination 'Match NAME as the destination (the default)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;intention;help'= {
            cand create 'Create an intention: allow (the default) or deny connections from SRC to DST'
            cand delete 'Delete an intention, named by its source and destination or by its ID'
            cand get 'Show one intention, named by its source and destination or by its ID'
            cand list 'List every intention, in the order they are evaluated'
            cand check 'Check whether SRC may connect to DST'
            cand match 'List the intentions that apply to a service, in the order they are evaluated'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;intention;help;create'= {
        }
        &'fedctl;intention;help;delete'= {
        }
        &'fedctl;intention;help;get'= {
        }
        &'fedctl;intention;help;list'= {
        }
        &'fedctl;intention;help;check'= {
        }
        &'fedctl;intention;help;match'= {
        }
        &'fedctl;intention;help;help'= {
        }
        &'fedctl;acl'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand bootstrap 'Make the first management token, once per federation'
            cand policy 'Create, read, update, list and delete policies: named sets of rules'
            cand token 'Create, read, update, clone, list and delete tokens'
            cand role 'Create, read, update, list and delete roles: policies and service identities under one name'
            cand set-agent-token 'Set one of the agent''s own ACL tokens, until it restarts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;acl;bootstrap'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;policy'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a policy: named rules that tokens and roles link to'
            cand read 'Show one policy and its rules, by -id (a unique prefix is enough) or -name'
            cand update 'Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name'
            cand delete 'Delete a policy, named by -id (a unique prefix is enough) or -name'
            cand list 'List every policy: its name, ID, description and datacenters (rules: `acl policy read`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;acl;policy;create'= {
            cand --name 'The new policy''s name (required)'
            cand --description 'What the policy is for'
            cand --valid-datacenter 'A datacenter the policy applies in (repeatable; none means every datacenter)'
            cand --rules 'The rules, @FILE, or - for standard input'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;policy;read'= {
            cand --id 'Its ID, or a unique prefix of it'
            cand --name 'Its name'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;policy;update'= {
            cand --id 'The policy''s ID, or a unique prefix of it'
            cand --name 'The policy''s name (with -id: its new name)'
            cand --description 'A new description'
            cand --valid-datacenter 'Datacenters the policy applies in (repeatable; replaces the list)'
            cand --rules 'New rules, @FILE, or - for standard input'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --no-merge 'Replace every field instead of merging with the policy as it is'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;policy;delete'= {
            cand --id 'Its ID, or a unique prefix of it'
            cand --name 'Its name'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;policy;list'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;policy;help'= {
            cand create 'Create a policy: named rules that tokens and roles link to'
            cand read 'Show one policy and its rules, by -id (a unique prefix is enough) or -name'
            cand update 'Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name'
            cand delete 'Delete a policy, named by -id (a unique prefix is enough) or -name'
            cand list 'List every policy: its name, ID, description and datacenters (rules: `acl policy read`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;acl;policy;help;create'= {
        }
        &'fedctl;acl;policy;help;read'= {
        }
        &'fedctl;acl;policy;help;update'= {
        }
        &'fedctl;acl;policy;help;delete'= {
        }
        &'fedctl;acl;policy;help;list'= {
        }
        &'fedctl;acl;policy;help;help'= {
        }
        &'fedctl;acl;token'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a token linked to policies, roles or service identities (at least one)'
            cand read 'Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with -self the token this command sends (-token or FEDCTL_HTTP_TOKEN)'
            cand update 'Change a token''s description, policies, roles or service identities'
            cand clone 'Make a new token with the policies, roles and service identities of another'
            cand delete 'Delete a token by -id (its AccessorID, or a unique prefix of it)'
            cand list 'List the tokens this datacenter knows (global ones and its local ones), without their SecretIDs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;acl;token;create'= {
            cand --accessor 'The token''s AccessorID (a UUID; chosen if not given)'
            cand --secret 'The token''s SecretID (a UUID; chosen if not given)'
            cand --description 'What the token is for'
            cand --expires-ttl 'How long the token lives (e.g. 1h, 30m); forever if not given'
            cand --policy-id 'A policy by ID or a unique prefix of it (repeatable)'
            cand --policy-name 'A policy by name (repeatable)'
            cand --role-id 'A role by ID or a unique prefix of it (repeatable)'
            cand --role-name 'A role by name (repeatable)'
            cand --service-identity 'A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable)'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --local 'Valid only in this datacenter (never replicated)'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;token;read'= {
            cand --id 'The token''s AccessorID, or a unique prefix of it'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --self 'The token this command sends'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;token;update'= {
            cand --id 'The token''s AccessorID, or a unique prefix of it'
            cand --description 'A new description'
            cand --policy-id 'A policy by ID or a unique prefix of it (repeatable)'
            cand --policy-name 'A policy by name (repeatable)'
            cand --role-id 'A role by ID or a unique prefix of it (repeatable)'
            cand --role-name 'A role by name (repeatable)'
            cand --service-identity 'A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable)'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --merge-policies 'Add the policies given instead of replacing the token''s'
            cand --merge-roles 'Add the roles given instead of replacing the token''s'
            cand --merge-service-identities 'Add the service identities given instead of replacing the token''s'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;token;clone'= {
            cand --id 'The AccessorID of the token to clone, or a unique prefix of it'
            cand --description 'The clone''s description'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;token;delete'= {
            cand --id 'The token''s AccessorID, or a unique prefix of it'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;token;list'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;token;help'= {
            cand create 'Create a token linked to policies, roles or service identities (at least one)'
            cand read 'Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with -self the token this command sends (-token or FEDCTL_HTTP_TOKEN)'
            cand update 'Change a token''s description, policies, roles or service identities'
            cand clone 'Make a new token with the policies, roles and service identities of another'
            cand delete 'Delete a token by -id (its AccessorID, or a unique prefix of it)'
            cand list 'List the tokens this datacenter knows (global ones and its local ones), without their SecretIDs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;acl;token;help;create'= {
        }
        &'fedctl;acl;token;help;read'= {
        }
        &'fedctl;acl;token;help;update'= {
        }
        &'fedctl;acl;token;help;clone'= {
        }
        &'fedctl;acl;token;help;delete'= {
        }
        &'fedctl;acl;token;help;list'= {
        }
        &'fedctl;acl;token;help;help'= {
        }
        &'fedctl;acl;role'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a role: policies and service identities under one name, for tokens to link to'
            cand read 'Show one role, by -id (a unique prefix is enough) or -name'
            cand update 'Change a role, named by -id (a unique prefix is enough) or, without -id, by -name'
            cand delete 'Delete a role, named by -id (a unique prefix is enough) or -name'
            cand list 'List every role with its policies and service identities'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;acl;role;create'= {
            cand --name 'The new role''s name (required)'
            cand --description 'What the role is for'
            cand --policy-id 'A policy by ID or a unique prefix of it (repeatable)'
            cand --policy-name 'A policy by name (repeatable)'
            cand --service-identity 'A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable)'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;role;read'= {
            cand --id 'Its ID, or a unique prefix of it'
            cand --name 'Its name'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;role;update'= {
            cand --id 'The role''s ID, or a unique prefix of it'
            cand --name 'The role''s name (with -id: its new name)'
            cand --description 'A new description'
            cand --policy-id 'A policy by ID or a unique prefix of it (repeatable)'
            cand --policy-name 'A policy by name (repeatable)'
            cand --service-identity 'A service identity: SERVICE, or SERVICE:DC1,DC2 to hold only there (repeatable)'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --no-merge 'Replace every field instead of adding to the role as it is'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;role;delete'= {
            cand --id 'Its ID, or a unique prefix of it'
            cand --name 'Its name'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;role;list'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --meta 'Also show the content hash and the raft indexes'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;role;help'= {
            cand create 'Create a role: policies and service identities under one name, for tokens to link to'
            cand read 'Show one role, by -id (a unique prefix is enough) or -name'
            cand update 'Change a role, named by -id (a unique prefix is enough) or, without -id, by -name'
            cand delete 'Delete a role, named by -id (a unique prefix is enough) or -name'
            cand list 'List every role with its policies and service identities'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;acl;role;help;create'= {
        }
        &'fedctl;acl;role;help;read'= {
        }
        &'fedctl;acl;role;help;update'= {
        }
        &'fedctl;acl;role;help;delete'= {
        }
        &'fedctl;acl;role;help;list'= {
        }
        &'fedctl;acl;role;help;help'= {
        }
        &'fedctl;acl;set-agent-token'= {
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;acl;help'= {
            cand bootstrap 'Make the first management token, once per federation'
            cand policy 'Create, read, update, list and delete policies: named sets of rules'
            cand token 'Create, read, update, clone, list and delete tokens'
            cand role 'Create, read, update, list and delete roles: policies and service identities under one name'
            cand set-agent-token 'Set one of the agent''s own ACL tokens, until it restarts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;acl;help;bootstrap'= {
        }
        &'fedctl;acl;help;policy'= {
            cand create 'Create a policy: named rules that tokens and roles link to'
            cand read 'Show one policy and its rules, by -id (a unique prefix is enough) or -name'
            cand update 'Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name'
            cand delete 'Delete a policy, named by -id (a unique prefix is enough) or -name'
            cand list 'List every policy: its name, ID, description and datacenters (rules: `acl policy read`)'
        }
        &'fedctl;acl;help;policy;create'= {
        }
        &'fedctl;acl;help;policy;read'= {
        }
        &'fedctl;acl;help;policy;update'= {
        }
        &'fedctl;acl;help;policy;delete'= {
        }
        &'fedctl;acl;help;policy;list'= {
        }
        &'fedctl;acl;help;token'= {
            cand create 'Create a token linked to policies, roles or service identities (at least one)'
            cand read 'Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with -self the token this command sends (-token or FEDCTL_HTTP_TOKEN)'
            cand update 'Change a token''s description, policies, roles or service identities'
            cand clone 'Make a new token with the policies, roles and service identities of another'
            cand delete 'Delete a token by -id (its AccessorID, or a unique prefix of it)'
            cand list 'List the tokens this datacenter knows (global ones and its local ones), without their SecretIDs'
        }
        &'fedctl;acl;help;token;create'= {
        }
        &'fedctl;acl;help;token;read'= {
        }
        &'fedctl;acl;help;token;update'= {
        }
        &'fedctl;acl;help;token;clone'= {
        }
        &'fedctl;acl;help;token;delete'= {
        }
        &'fedctl;acl;help;token;list'= {
        }
        &'fedctl;acl;help;role'= {
            cand create 'Create a role: policies and service identities under one name, for tokens to link to'
            cand read 'Show one role, by -id (a unique prefix is enough) or -name'
            cand update 'Change a role, named by -id (a unique prefix is enough) or, without -id, by -name'
            cand delete 'Delete a role, named by -id (a unique prefix is enough) or -name'
            cand list 'List every role with its policies and service identities'
        }
        &'fedctl;acl;help;role;create'= {
        }
        &'fedctl;acl;help;role;read'= {
        }
        &'fedctl;acl;help;role;update'= {
        }
        &'fedctl;acl;help;role;delete'= {
        }
        &'fedctl;acl;help;role;list'= {
        }
        &'fedctl;acl;help;set-agent-token'= {
        }
        &'fedctl;acl;help;help'= {
        }
        &'fedctl;keygen'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;keyring'= {
            cand --install 'Install a key (base64) on every member'
            cand --use 'Make an installed key every member''s primary: what gossip is encrypted with'
            cand --remove 'Remove a key from every member (not the primary)'
            cand --relay-factor 'Accepted for the reference''s scripts (0 to 5); fedctl asks every member directly'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --list 'List the keys of every pool'
            cand --local-only 'With -list: only the keys of the agent asked, no member queried'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;lab'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand up 'Start a federated lab on this machine: datacenters federated through real Envoy gateways'
            cand status 'Check a lab again: its processes (naming each one that is gone) and whether it is still federated; with a demo (`lab up -demo`), whether it still answers through the mesh'
            cand down 'Stop every process of a lab and remove what it created'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;lab;up'= {
            cand --datacenters 'Datacenters (1-9); dc1 is the primary'
            cand --servers 'Servers per datacenter (1-5)'
            cand --gateways 'Mesh gateways per datacenter (1-3)'
            cand --dir 'Where the lab keeps its certificates, configs, data and logs [default: a new directory under the system temp dir]'
            cand --name 'The lab''s name, for `lab status -name` and `lab down -name` (letters, digits, ''.'', ''_'', ''-'') [default: the -dir directory''s name, else "lab"; with "-2", "-3", ... added while another running lab has it]'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --detach 'Leave the lab running and return'
            cand --isolate 'Put every server and gateway in its own network namespace (needs root, and nftables): servers of different datacenters have no route to each other, only gateways reach the WAN (a secondary''s servers may dial the primary''s gateways, as the reference needs)'
            cand --insecure 'Run the lab open, as before: no gossip encryption, no ACLs, no HTTPS. Without it, every agent encrypts gossip with one key, ACLs are on (default deny) with a token for the servers, replication and the gateways, and the HTTP API is also served over TLS'
            cand --demo 'Also deploy a demo in every datacenter: an echo app and the services echo and web with sidecars (web''s upstreams: echo here and in the next datacenter, with failover), and print the curls that go through the mesh'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;lab;status'= {
            cand --dir 'The lab''s directory [default: the running lab]'
            cand --name 'The lab''s name (`lab up -name`, else its directory''s name)'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --all 'List every running lab (with -format=json: a JSON array, however many run)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;lab;down'= {
            cand --dir 'The lab''s directory [default: the running lab]'
            cand --name 'The lab''s name (`lab up -name`, else its directory''s name)'
            cand --all 'Stop every running lab'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;lab;help'= {
            cand up 'Start a federated lab on this machine: datacenters federated through real Envoy gateways'
            cand status 'Check a lab again: its processes (naming each one that is gone) and whether it is still federated; with a demo (`lab up -demo`), whether it still answers through the mesh'
            cand down 'Stop every process of a lab and remove what it created'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;lab;help;up'= {
        }
        &'fedctl;lab;help;status'= {
        }
        &'fedctl;lab;help;down'= {
        }
        &'fedctl;lab;help;help'= {
        }
        &'fedctl;debug'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand gateways 'Show how this server reaches every other datacenter through mesh gateways'
            cand proxy 'Show every proxy (sidecar or gateway) the local agent configures: whether its configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next renewal), and its xDS stream (the version Envoy acknowledged, the last rejection)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;debug;gateways'= {
            cand --tries 'Handshakes per path when probing (1-50)'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --probe 'Probe every path with real handshakes'
            cand --services 'Also show the data-plane routes: the services each datacenter''s gateways expose, read in that datacenter through the gateways (so with a datacenter unreachable, this dials it, and the dial failures show it)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;debug;proxy'= {
            cand --source 'Show the decision a client of this service gets at each sidecar, and the intention that made it'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;debug;help'= {
            cand gateways 'Show how this server reaches every other datacenter through mesh gateways'
            cand proxy 'Show every proxy (sidecar or gateway) the local agent configures: whether its configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next renewal), and its xDS stream (the version Envoy acknowledged, the last rejection)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;debug;help;gateways'= {
        }
        &'fedctl;debug;help;proxy'= {
        }
        &'fedctl;debug;help;help'= {
        }
        &'fedctl;federation-state'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List every datacenter''s federation state: its mesh gateways and how fresh it is'
            cand get 'Show one datacenter''s federation state: every mesh gateway with its addresses and health'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;federation-state;list'= {
            cand --stale-after 'Fail (exit 3) when any state is older than this (e.g. 5m; at least 90s, the refresh period) or replication is failing'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;federation-state;get'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;federation-state;help'= {
            cand list 'List every datacenter''s federation state: its mesh gateways and how fresh it is'
            cand get 'Show one datacenter''s federation state: every mesh gateway with its addresses and health'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;federation-state;help;list'= {
        }
        &'fedctl;federation-state;help;get'= {
        }
        &'fedctl;federation-state;help;help'= {
        }
        &'fedctl;operator'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand raft 'Inspect and change the raft peers'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;operator;raft'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list-peers 'List the raft peers of the datacenter: who leads and who votes'
            cand remove-peer 'Remove a server from the raft peers (for a server that is gone for good)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;operator;raft;list-peers'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;operator;raft;remove-peer'= {
            cand --address 'The peer''s server address (host:port), as list-peers shows it'
            cand --id 'The peer''s raft ID or node name'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;operator;raft;help'= {
            cand list-peers 'List the raft peers of the datacenter: who leads and who votes'
            cand remove-peer 'Remove a server from the raft peers (for a server that is gone for good)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;operator;raft;help;list-peers'= {
        }
        &'fedctl;operator;raft;help;remove-peer'= {
        }
        &'fedctl;operator;raft;help;help'= {
        }
        &'fedctl;operator;help'= {
            cand raft 'Inspect and change the raft peers'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;operator;help;raft'= {
            cand list-peers 'List the raft peers of the datacenter: who leads and who votes'
            cand remove-peer 'Remove a server from the raft peers (for a server that is gone for good)'
        }
        &'fedctl;operator;help;raft;list-peers'= {
        }
        &'fedctl;operator;help;raft;remove-peer'= {
        }
        &'fedctl;operator;help;help'= {
        }
        &'fedctl;tls'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ca 'Create certificate authorities for agent TLS'
            cand cert 'Create agent certificates signed by a CA'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;tls;ca'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a new certificate authority (CA) for agent TLS'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;tls;ca;create'= {
            cand --days 'How many days the CA is valid for'
            cand --domain 'The cluster''s domain; it names the files and, with -name-constraint, limits the CA'
            cand --additional-name-constraint 'Another DNS domain the CA may sign for; repeatable; needs -name-constraint'
            cand --common-name 'Subject common name of the CA [default: fedctl Agent CA <serial>]'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --name-constraint 'Add a critical name constraint: the CA may only sign names under <domain>, localhost and each -additional-name-constraint'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;tls;ca;help'= {
            cand create 'Create a new certificate authority (CA) for agent TLS'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;tls;ca;help;create'= {
        }
        &'fedctl;tls;ca;help;help'= {
        }
        &'fedctl;tls;cert'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a certificate for a server, a client agent or the CLI, signed by a CA'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;tls;cert;create'= {
            cand --ca 'CA certificate file; #DOMAIN# is replaced by -domain'
            cand --key 'CA private key file; #DOMAIN# is replaced by -domain'
            cand --dc 'Datacenter the certificate is for'
            cand --domain 'The cluster''s domain'
            cand --node 'Node name of the server; adds the SAN <node>.server.<dc>.<domain>. Only with -server'
            cand --days 'How many days the certificate is valid for'
            cand --additional-dnsname 'An extra DNS name to include; repeatable (not used for -cli certificates)'
            cand --additional-ipaddress 'An extra IP address to include; repeatable'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand --server 'Create a server certificate (valid for server and client authentication)'
            cand --client 'Create a client agent certificate'
            cand --cli 'Create a certificate for the CLI'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;tls;cert;help'= {
            cand create 'Create a certificate for a server, a client agent or the CLI, signed by a CA'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;tls;cert;help;create'= {
        }
        &'fedctl;tls;cert;help;help'= {
        }
        &'fedctl;tls;help'= {
            cand ca 'Create certificate authorities for agent TLS'
            cand cert 'Create agent certificates signed by a CA'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;tls;help;ca'= {
            cand create 'Create a new certificate authority (CA) for agent TLS'
        }
        &'fedctl;tls;help;ca;create'= {
        }
        &'fedctl;tls;help;cert'= {
            cand create 'Create a certificate for a server, a client agent or the CLI, signed by a CA'
        }
        &'fedctl;tls;help;cert;create'= {
        }
        &'fedctl;tls;help;help'= {
        }
        &'fedctl;completion'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;version'= {
            cand --format 'Output format: table (for people) or json (for programs)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;internal'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Regenerate completions/ and man/ (or check that they are current)'
            cand client-config 'Show the client settings a command would use to reach an agent, and where each one came from (flag, environment variable or default). The token is never printed'
            cand envoy-ready 'Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is ready (its admin API answers LIVE and it accepted the agent''s whole configuration) or why it is not (it rejected its configuration, e.g. a listener port is taken; no configuration came in time). When Envoy exits first it says nothing: Envoy''s own log says why'
            cand echo 'Serve HTTP/1.1 on -listen, answering every request with 200 and one line, `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind echo''s sidecar'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;internal;generate'= {
            cand --out-dir 'The directory holding completions/ and man/ (the repository root)'
            cand --check 'Write nothing; fail, showing the differences, if any file is missing or stale'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;internal;client-config'= {
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --format 'Output format: table (for people) or json (for programs)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;internal;envoy-ready'= {
            cand --admin 'Envoy''s admin address, host:port'
            cand --proxy-id 'The proxy ID Envoy presents to the agent'
            cand --pid 'Envoy''s process ID'
            cand --timeout 'How long to wait for Envoy'
            cand --http-addr 'Agent HTTP address: host:port, http(s)://host:port or unix:///path [env: FEDCTL_HTTP_ADDR, CONSUL_HTTP_ADDR] [default: 127.0.0.1:8500]'
            cand --token 'ACL token [env: FEDCTL_HTTP_TOKEN, CONSUL_HTTP_TOKEN]'
            cand --token-file 'File holding the ACL token [env: FEDCTL_HTTP_TOKEN_FILE, CONSUL_HTTP_TOKEN_FILE]'
            cand --ca-file 'CA certificate to verify the agent''s HTTPS certificate [env: FEDCTL_CACERT, CONSUL_CACERT]'
            cand --client-cert 'Client certificate for agents that verify HTTPS clients [env: FEDCTL_CLIENT_CERT, CONSUL_CLIENT_CERT]'
            cand --client-key 'Key of -client-cert [env: FEDCTL_CLIENT_KEY, CONSUL_CLIENT_KEY]'
            cand --tls-server-name 'Server name to expect in the agent''s certificate (and send as SNI) [env: FEDCTL_TLS_SERVER_NAME, CONSUL_TLS_SERVER_NAME]'
            cand --datacenter 'Datacenter to query [default: the agent''s own] [env: FEDCTL_DATACENTER]'
            cand --detach 'Start again in the background and return at once'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;internal;echo'= {
            cand --listen 'Where to listen, ip:port'
            cand --name 'How the answers start, e.g. "echo in dc1 (node dc1-s1)"'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;internal;help'= {
            cand generate 'Regenerate completions/ and man/ (or check that they are current)'
            cand client-config 'Show the client settings a command would use to reach an agent, and where each one came from (flag, environment variable or default). The token is never printed'
            cand envoy-ready 'Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is ready (its admin API answers LIVE and it accepted the agent''s whole configuration) or why it is not (it rejected its configuration, e.g. a listener port is taken; no configuration came in time). When Envoy exits first it says nothing: Envoy''s own log says why'
            cand echo 'Serve HTTP/1.1 on -listen, answering every request with 200 and one line, `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind echo''s sidecar'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;internal;help;generate'= {
        }
        &'fedctl;internal;help;client-config'= {
        }
        &'fedctl;internal;help;envoy-ready'= {
        }
        &'fedctl;internal;help;echo'= {
        }
        &'fedctl;internal;help;help'= {
        }
        &'fedctl;agent'= {
            cand --bootstrap-expect 'Number of servers to wait for before the datacenter elects its first leader (each server of a new datacenter is started with the same number; a lone server uses 1)'
            cand --node 'Node name, a DNS label [default: the host name]'
            cand --datacenter 'Datacenter name [default: dc1]'
            cand --data-dir 'Directory for durable state (required unless -dev)'
            cand --bind 'Address to bind server listeners to [default: 0.0.0.0; 127.0.0.1 with -dev]'
            cand --advertise 'Address to advertise to other nodes [default: the bind address, or the primary IP]'
            cand --client 'Address for the HTTP API [default: 127.0.0.1]'
            cand --http-port 'HTTP API port (-1 disables, 0 picks a free port) [default: 8500]'
            cand --server-port 'Server RPC port [default: 8300]'
            cand --serf-lan-port 'LAN gossip port [default: 8301]'
            cand --serf-wan-port 'WAN gossip port [default: 8302]'
            cand --grpc-port 'xDS gRPC port [default: 8502]'
            cand --grpc-tls-port 'xDS gRPC port with TLS (the agent''s certificate; -1 disables) [default: disabled]'
            cand --https-port 'HTTPS API port with the agent''s certificate (-1 disables) [default: disabled]'
            cand --dns-port 'DNS interface port, UDP and TCP (-1 disables) [default: 8600]'
            cand --domain 'The cluster''s DNS domain [default: consul]'
            cand --join 'A LAN address to join (host, host:port or DNS name; port 8301 by default); retried with backoff until a member answers; repeatable. Also the retry_join config key'
            cand --retry-join 'A LAN address to join (host, host:port or DNS name; port 8301 by default); retried with backoff until a member answers; repeatable. Also the retry_join config key'
            cand --join-wan 'A WAN address of a server in another datacenter to join (port 8302 by default); retried with backoff; repeatable. Also the retry_join_wan config key. Servers only'
            cand --retry-join-wan 'A WAN address of a server in another datacenter to join (port 8302 by default); retried with backoff; repeatable. Also the retry_join_wan config key. Servers only'
            cand --encrypt 'The gossip encryption key: base64 of 16 or 32 bytes (`fedctl keygen`). Also the encrypt config key'
            cand --primary-gateway 'A mesh gateway of the primary datacenter (host:port or DNS name:port) to bootstrap WAN federation through; repeatable; secondaries with connect.enable_mesh_gateway_wan_federation. Also the primary_gateways config key'
            cand --primary-datacenter 'The federation''s primary datacenter, which holds the canonical federation states [default: this datacenter]. Also the primary_datacenter config key'
            cand --config-file 'A config file (.hcl or .json); repeatable, later files win'
            cand --config-dir 'A directory of .hcl/.json config files, read in name order; repeatable'
            cand --log-level 'Log level: trace, debug, info, warn or error [default: info]; FEDCTL_LOG overrides'
            cand --dev 'Development mode: one in-memory server listening on 127.0.0.1; nothing is kept'
            cand --server 'Run as a server (raft member holding the datacenter''s state)'
            cand --log-json 'Log as JSON lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'fedctl;help'= {
            cand kv 'Read and write the key/value store'
            cand catalog 'Query the catalog: datacenters, nodes, services'
            cand services 'Register and deregister services with the local agent'
            cand members 'List the members of the datacenter'
            cand leave 'Leave the datacenter gracefully and stop the agent'
            cand connect 'Run Envoy as a mesh gateway configured by the local agent'
            cand config 'Write, read, list and delete config entries (proxy-defaults, service-defaults, service-resolver), kept in the primary datacenter and replicated to every other'
            cand intention 'Create, show, list, check and delete intentions: which services may connect to which, by name, in every datacenter'
            cand acl 'Manage ACLs: bootstrap, policies, tokens, roles and the agent''s own tokens'
            cand keygen 'Print a new gossip encryption key'
            cand keyring 'List, install, use or remove the gossip encryption keys of every agent'
            cand lab 'A federated lab on this machine: several datacenters through real Envoy gateways'
            cand debug 'Debug the federation: how this server reaches other datacenters through gateways'
            cand federation-state 'Inspect the federation states: every datacenter''s mesh gateways'
            cand operator 'Operate the datacenter''s servers (raft peers)'
            cand tls 'Create certificate authorities and certificates for agent TLS'
            cand completion 'Print a shell completion script'
            cand version 'Print fedctl''s version'
            cand internal 'Commands for fedctl''s own development'
            cand agent 'Run an agent: a server or a client of a datacenter, with the HTTP API'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'fedctl;help;kv'= {
            cand get 'Read a key''s value, or with -recurse every key under a prefix'
            cand put 'Write a key''s value'
            cand delete 'Delete a key, or with -recurse every key under a prefix'
            cand export 'Print every key under a prefix as JSON that `fedctl kv import` (or `consul kv import`) reads'
            cand import 'Write the keys of a `fedctl kv export` (or `consul kv export`) document'
        }
        &'fedctl;help;kv;get'= {
        }
        &'fedctl;help;kv;put'= {
        }
        &'fedctl;help;kv;delete'= {
        }
        &'fedctl;help;kv;export'= {
        }
        &'fedctl;help;kv;import'= {
        }
        &'fedctl;help;catalog'= {
            cand datacenters 'List the datacenters the agent knows'
            cand nodes 'List the nodes of the catalog'
            cand services 'List the services of the catalog'
        }
        &'fedctl;help;catalog;datacenters'= {
        }
        &'fedctl;help;catalog;nodes'= {
        }
        &'fedctl;help;catalog;services'= {
        }
        &'fedctl;help;services'= {
            cand register 'Register services with the local agent, from a definition file or flags'
            cand deregister 'Deregister services from the local agent: those defined in FILE, or -id'
        }
        &'fedctl;help;services;register'= {
        }
        &'fedctl;help;services;deregister'= {
        }
        &'fedctl;help;members'= {
        }
        &'fedctl;help;leave'= {
        }
        &'fedctl;help;connect'= {
            cand ca 'Read and change the Connect CA''s settings; a new root key rotates the root'
            cand envoy 'Run Envoy as a service''s sidecar or as a mesh gateway, its whole configuration coming from the local agent over xDS'
        }
        &'fedctl;help;connect;ca'= {
            cand get-config 'Show the Connect CA''s settings (`GET /v1/connect/ca/configuration`): the provider, its Config (leaf and intermediate TTLs, key type), and the indexes of the last change. The CA is configured in the primary datacenter; -datacenter reads another one'
            cand set-config 'Change the Connect CA''s settings from a JSON file (`PUT /v1/connect/ca/configuration`), in the primary datacenter'
        }
        &'fedctl;help;connect;ca;get-config'= {
        }
        &'fedctl;help;connect;ca;set-config'= {
        }
        &'fedctl;help;connect;envoy'= {
        }
        &'fedctl;help;config'= {
            cand write 'Create or update a config entry from an HCL or JSON file'
            cand read 'Show one config entry as JSON'
            cand list 'List the names of the config entries of one kind, one per line'
            cand delete 'Delete a config entry'
        }
        &'fedctl;help;config;write'= {
        }
        &'fedctl;help;config;read'= {
        }
        &'fedctl;help;config;list'= {
        }
        &'fedctl;help;config;delete'= {
        }
        &'fedctl;help;intention'= {
            cand create 'Create an intention: allow (the default) or deny connections from SRC to DST'
            cand delete 'Delete an intention, named by its source and destination or by its ID'
            cand get 'Show one intention, named by its source and destination or by its ID'
            cand list 'List every intention, in the order they are evaluated'
            cand check 'Check whether SRC may connect to DST'
            cand match 'List the intentions that apply to a service, in the order they are evaluated'
        }
        &'fedctl;help;intention;create'= {
        }
        &'fedctl;help;intention;delete'= {
        }
        &'fedctl;help;intention;get'= {
        }
        &'fedctl;help;intention;list'= {
        }
        &'fedctl;help;intention;check'= {
        }
        &'fedctl;help;intention;match'= {
        }
        &'fedctl;help;acl'= {
            cand bootstrap 'Make the first management token, once per federation'
            cand policy 'Create, read, update, list and delete policies: named sets of rules'
            cand token 'Create, read, update, clone, list and delete tokens'
            cand role 'Create, read, update, list and delete roles: policies and service identities under one name'
            cand set-agent-token 'Set one of the agent''s own ACL tokens, until it restarts'
        }
        &'fedctl;help;acl;bootstrap'= {
        }
        &'fedctl;help;acl;policy'= {
            cand create 'Create a policy: named rules that tokens and roles link to'
            cand read 'Show one policy and its rules, by -id (a unique prefix is enough) or -name'
            cand update 'Change a policy, named by -id (a unique prefix is enough) or, without -id, by -name'
            cand delete 'Delete a policy, named by -id (a unique prefix is enough) or -name'
            cand list 'List every policy: its name, ID, description and datacenters (rules: `acl policy read`)'
        }
        &'fedctl;help;acl;policy;create'= {
        }
        &'fedctl;help;acl;policy;read'= {
        }
        &'fedctl;help;acl;policy;update'= {
        }
        &'fedctl;help;acl;policy;delete'= {
        }
        &'fedctl;help;acl;policy;list'= {
        }
        &'fedctl;help;acl;token'= {
            cand create 'Create a token linked to policies, roles or service identities (at least one)'
            cand read 'Show one token by -id (its AccessorID, a unique prefix of it, or `anonymous`), or with -self the token this command sends (-token or FEDCTL_HTTP_TOKEN)'
            cand update 'Change a token''s description, policies, roles or service identities'
            cand clone 'Make a new token with the policies, roles and service identities of another'
            cand delete 'Delete a token by -id (its AccessorID, or a unique prefix of it)'
            cand list 'List the tokens this datacenter knows (global ones and its local ones), without their SecretIDs'
        }
        &'fedctl;help;acl;token;create'= {
        }
        &'fedctl;help;acl;token;read'= {
        }
        &'fedctl;help;acl;token;update'= {
        }
        &'fedctl;help;acl;token;clone'= {
        }
        &'fedctl;help;acl;token;delete'= {
        }
        &'fedctl;help;acl;token;list'= {
        }
        &'fedctl;help;acl;role'= {
            cand create 'Create a role: policies and service identities under one name, for tokens to link to'
            cand read 'Show one role, by -id (a unique prefix is enough) or -name'
            cand update 'Change a role, named by -id (a unique prefix is enough) or, without -id, by -name'
            cand delete 'Delete a role, named by -id (a unique prefix is enough) or -name'
            cand list 'List every role with its policies and service identities'
        }
        &'fedctl;help;acl;role;create'= {
        }
        &'fedctl;help;acl;role;read'= {
        }
        &'fedctl;help;acl;role;update'= {
        }
        &'fedctl;help;acl;role;delete'= {
        }
        &'fedctl;help;acl;role;list'= {
        }
        &'fedctl;help;acl;set-agent-token'= {
        }
        &'fedctl;help;keygen'= {
        }
        &'fedctl;help;keyring'= {
        }
        &'fedctl;help;lab'= {
            cand up 'Start a federated lab on this machine: datacenters federated through real Envoy gateways'
            cand status 'Check a lab again: its processes (naming each one that is gone) and whether it is still federated; with a demo (`lab up -demo`), whether it still answers through the mesh'
            cand down 'Stop every process of a lab and remove what it created'
        }
        &'fedctl;help;lab;up'= {
        }
        &'fedctl;help;lab;status'= {
        }
        &'fedctl;help;lab;down'= {
        }
        &'fedctl;help;debug'= {
            cand gateways 'Show how this server reaches every other datacenter through mesh gateways'
            cand proxy 'Show every proxy (sidecar or gateway) the local agent configures: whether its configuration was delivered or what it waits for, its leaf certificate (serial, expiry, next renewal), and its xDS stream (the version Envoy acknowledged, the last rejection)'
        }
        &'fedctl;help;debug;gateways'= {
        }
        &'fedctl;help;debug;proxy'= {
        }
        &'fedctl;help;federation-state'= {
            cand list 'List every datacenter''s federation state: its mesh gateways and how fresh it is'
            cand get 'Show one datacenter''s federation state: every mesh gateway with its addresses and health'
        }
        &'fedctl;help;federation-state;list'= {
        }
        &'fedctl;help;federation-state;get'= {
        }
        &'fedctl;help;operator'= {
            cand raft 'Inspect and change the raft peers'
        }
        &'fedctl;help;operator;raft'= {
            cand list-peers 'List the raft peers of the datacenter: who leads and who votes'
            cand remove-peer 'Remove a server from the raft peers (for a server that is gone for good)'
        }
        &'fedctl;help;operator;raft;list-peers'= {
        }
        &'fedctl;help;operator;raft;remove-peer'= {
        }
        &'fedctl;help;tls'= {
            cand ca 'Create certificate authorities for agent TLS'
            cand cert 'Create agent certificates signed by a CA'
        }
        &'fedctl;help;tls;ca'= {
            cand create 'Create a new certificate authority (CA) for agent TLS'
        }
        &'fedctl;help;tls;ca;create'= {
        }
        &'fedctl;help;tls;cert'= {
            cand create 'Create a certificate for a server, a client agent or the CLI, signed by a CA'
        }
        &'fedctl;help;tls;cert;create'= {
        }
        &'fedctl;help;completion'= {
        }
        &'fedctl;help;version'= {
        }
        &'fedctl;help;internal'= {
            cand generate 'Regenerate completions/ and man/ (or check that they are current)'
            cand client-config 'Show the client settings a command would use to reach an agent, and where each one came from (flag, environment variable or default). The token is never printed'
            cand envoy-ready 'Watch an Envoy started by `fedctl connect envoy` and say, in one line on stderr, when it is ready (its admin API answers LIVE and it accepted the agent''s whole configuration) or why it is not (it rejected its configuration, e.g. a listener port is taken; no configuration came in time). When Envoy exits first it says nothing: Envoy''s own log says why'
            cand echo 'Serve HTTP/1.1 on -listen, answering every request with 200 and one line, `<name>: <method> <path>`: the app `fedctl lab up -demo` runs in each datacenter, behind echo''s sidecar'
        }
        &'fedctl;help;internal;generate'= {
        }
        &'fedctl;help;internal;client-config'= {
        }
        &'fedctl;help;internal;envoy-ready'= {
        }
        &'fedctl;help;internal;echo'= {
        }
        &'fedctl;help;agent'= {
        }
        &'fedctl;help;help'= {
        }
    ]
    $completions[$command]
}
