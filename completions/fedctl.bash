_fedctl() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="fedctl"
                ;;
            fedctl,acl)
                cmd="fedctl__subcmd__acl"
                ;;
            fedctl,agent)
                cmd="fedctl__subcmd__agent"
                ;;
            fedctl,catalog)
                cmd="fedctl__subcmd__catalog"
                ;;
            fedctl,completion)
                cmd="fedctl__subcmd__completion"
                ;;
            fedctl,config)
                cmd="fedctl__subcmd__config"
                ;;
            fedctl,connect)
                cmd="fedctl__subcmd__connect"
                ;;
            fedctl,debug)
                cmd="fedctl__subcmd__debug"
                ;;
            fedctl,federation-state)
                cmd="fedctl__subcmd__federation__subcmd__state"
                ;;
            fedctl,help)
                cmd="fedctl__subcmd__help"
                ;;
            fedctl,intention)
                cmd="fedctl__subcmd__intention"
                ;;
            fedctl,internal)
                cmd="fedctl__subcmd__internal"
                ;;
            fedctl,keygen)
                cmd="fedctl__subcmd__keygen"
                ;;
            fedctl,keyring)
                cmd="fedctl__subcmd__keyring"
                ;;
            fedctl,kv)
                cmd="fedctl__subcmd__kv"
                ;;
            fedctl,lab)
                cmd="fedctl__subcmd__lab"
                ;;
            fedctl,leave)
                cmd="fedctl__subcmd__leave"
                ;;
            fedctl,members)
                cmd="fedctl__subcmd__members"
                ;;
            fedctl,operator)
                cmd="fedctl__subcmd__operator"
                ;;
            fedctl,services)
                cmd="fedctl__subcmd__services"
                ;;
            fedctl,tls)
                cmd="fedctl__subcmd__tls"
                ;;
            fedctl,version)
                cmd="fedctl__subcmd__version"
                ;;
            fedctl__subcmd__acl,bootstrap)
                cmd="fedctl__subcmd__acl__subcmd__bootstrap"
                ;;
            fedctl__subcmd__acl,help)
                cmd="fedctl__subcmd__acl__subcmd__help"
                ;;
            fedctl__subcmd__acl,policy)
                cmd="fedctl__subcmd__acl__subcmd__policy"
                ;;
            fedctl__subcmd__acl,role)
                cmd="fedctl__subcmd__acl__subcmd__role"
                ;;
            fedctl__subcmd__acl,set-agent-token)
                cmd="fedctl__subcmd__acl__subcmd__set__subcmd__agent__subcmd__token"
                ;;
            fedctl__subcmd__acl,token)
                cmd="fedctl__subcmd__acl__subcmd__token"
                ;;
            fedctl__subcmd__acl__subcmd__help,bootstrap)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__bootstrap"
                ;;
            fedctl__subcmd__acl__subcmd__help,help)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__acl__subcmd__help,policy)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__policy"
                ;;
            fedctl__subcmd__acl__subcmd__help,role)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__role"
                ;;
            fedctl__subcmd__acl__subcmd__help,set-agent-token)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__set__subcmd__agent__subcmd__token"
                ;;
            fedctl__subcmd__acl__subcmd__help,token)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__token"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__policy,create)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__create"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__policy,delete)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__delete"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__policy,list)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__list"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__policy,read)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__read"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__policy,update)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__update"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__role,create)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__create"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__role,delete)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__delete"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__role,list)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__list"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__role,read)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__read"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__role,update)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__update"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__token,clone)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__clone"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__token,create)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__create"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__token,delete)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__delete"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__token,list)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__list"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__token,read)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__read"
                ;;
            fedctl__subcmd__acl__subcmd__help__subcmd__token,update)
                cmd="fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__update"
                ;;
            fedctl__subcmd__acl__subcmd__policy,create)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__create"
                ;;
            fedctl__subcmd__acl__subcmd__policy,delete)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__delete"
                ;;
            fedctl__subcmd__acl__subcmd__policy,help)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__help"
                ;;
            fedctl__subcmd__acl__subcmd__policy,list)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__list"
                ;;
            fedctl__subcmd__acl__subcmd__policy,read)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__read"
                ;;
            fedctl__subcmd__acl__subcmd__policy,update)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__update"
                ;;
            fedctl__subcmd__acl__subcmd__policy__subcmd__help,create)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__create"
                ;;
            fedctl__subcmd__acl__subcmd__policy__subcmd__help,delete)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__delete"
                ;;
            fedctl__subcmd__acl__subcmd__policy__subcmd__help,help)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__acl__subcmd__policy__subcmd__help,list)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__list"
                ;;
            fedctl__subcmd__acl__subcmd__policy__subcmd__help,read)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__read"
                ;;
            fedctl__subcmd__acl__subcmd__policy__subcmd__help,update)
                cmd="fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__update"
                ;;
            fedctl__subcmd__acl__subcmd__role,create)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__create"
                ;;
            fedctl__subcmd__acl__subcmd__role,delete)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__delete"
                ;;
            fedctl__subcmd__acl__subcmd__role,help)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__help"
                ;;
            fedctl__subcmd__acl__subcmd__role,list)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__list"
                ;;
            fedctl__subcmd__acl__subcmd__role,read)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__read"
                ;;
            fedctl__subcmd__acl__subcmd__role,update)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__update"
                ;;
            fedctl__subcmd__acl__subcmd__role__subcmd__help,create)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__create"
                ;;
            fedctl__subcmd__acl__subcmd__role__subcmd__help,delete)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__delete"
                ;;
            fedctl__subcmd__acl__subcmd__role__subcmd__help,help)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__acl__subcmd__role__subcmd__help,list)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__list"
                ;;
            fedctl__subcmd__acl__subcmd__role__subcmd__help,read)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__read"
                ;;
            fedctl__subcmd__acl__subcmd__role__subcmd__help,update)
                cmd="fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__update"
                ;;
            fedctl__subcmd__acl__subcmd__token,clone)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__clone"
                ;;
            fedctl__subcmd__acl__subcmd__token,create)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__create"
                ;;
            fedctl__subcmd__acl__subcmd__token,delete)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__delete"
                ;;
            fedctl__subcmd__acl__subcmd__token,help)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__help"
                ;;
            fedctl__subcmd__acl__subcmd__token,list)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__list"
                ;;
            fedctl__subcmd__acl__subcmd__token,read)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__read"
                ;;
            fedctl__subcmd__acl__subcmd__token,update)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__update"
                ;;
            fedctl__subcmd__acl__subcmd__token__subcmd__help,clone)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__clone"
                ;;
            fedctl__subcmd__acl__subcmd__token__subcmd__help,create)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__create"
                ;;
            fedctl__subcmd__acl__subcmd__token__subcmd__help,delete)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__delete"
                ;;
            fedctl__subcmd__acl__subcmd__token__subcmd__help,help)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__acl__subcmd__token__subcmd__help,list)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__list"
                ;;
            fedctl__subcmd__acl__subcmd__token__subcmd__help,read)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__read"
                ;;
            fedctl__subcmd__acl__subcmd__token__subcmd__help,update)
                cmd="fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__update"
                ;;
            fedctl__subcmd__catalog,datacenters)
                cmd="fedctl__subcmd__catalog__subcmd__datacenters"
                ;;
            fedctl__subcmd__catalog,help)
                cmd="fedctl__subcmd__catalog__subcmd__help"
                ;;
            fedctl__subcmd__catalog,nodes)
                cmd="fedctl__subcmd__catalog__subcmd__nodes"
                ;;
            fedctl__subcmd__catalog,services)
                cmd="fedctl__subcmd__catalog__subcmd__services"
                ;;
            fedctl__subcmd__catalog__subcmd__help,datacenters)
                cmd="fedctl__subcmd__catalog__subcmd__help__subcmd__datacenters"
                ;;
            fedctl__subcmd__catalog__subcmd__help,help)
                cmd="fedctl__subcmd__catalog__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__catalog__subcmd__help,nodes)
                cmd="fedctl__subcmd__catalog__subcmd__help__subcmd__nodes"
                ;;
            fedctl__subcmd__catalog__subcmd__help,services)
                cmd="fedctl__subcmd__catalog__subcmd__help__subcmd__services"
                ;;
            fedctl__subcmd__config,delete)
                cmd="fedctl__subcmd__config__subcmd__delete"
                ;;
            fedctl__subcmd__config,help)
                cmd="fedctl__subcmd__config__subcmd__help"
                ;;
            fedctl__subcmd__config,list)
                cmd="fedctl__subcmd__config__subcmd__list"
                ;;
            fedctl__subcmd__config,read)
                cmd="fedctl__subcmd__config__subcmd__read"
                ;;
            fedctl__subcmd__config,write)
                cmd="fedctl__subcmd__config__subcmd__write"
                ;;
            fedctl__subcmd__config__subcmd__help,delete)
                cmd="fedctl__subcmd__config__subcmd__help__subcmd__delete"
                ;;
            fedctl__subcmd__config__subcmd__help,help)
                cmd="fedctl__subcmd__config__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__config__subcmd__help,list)
                cmd="fedctl__subcmd__config__subcmd__help__subcmd__list"
                ;;
            fedctl__subcmd__config__subcmd__help,read)
                cmd="fedctl__subcmd__config__subcmd__help__subcmd__read"
                ;;
            fedctl__subcmd__config__subcmd__help,write)
                cmd="fedctl__subcmd__config__subcmd__help__subcmd__write"
                ;;
            fedctl__subcmd__connect,ca)
                cmd="fedctl__subcmd__connect__subcmd__ca"
                ;;
            fedctl__subcmd__connect,envoy)
                cmd="fedctl__subcmd__connect__subcmd__envoy"
                ;;
            fedctl__subcmd__connect,help)
                cmd="fedctl__subcmd__connect__subcmd__help"
                ;;
            fedctl__subcmd__connect__subcmd__ca,get-config)
                cmd="fedctl__subcmd__connect__subcmd__ca__subcmd__get__subcmd__config"
                ;;
            fedctl__subcmd__connect__subcmd__ca,help)
                cmd="fedctl__subcmd__connect__subcmd__ca__subcmd__help"
                ;;
            fedctl__subcmd__connect__subcmd__ca,set-config)
                cmd="fedctl__subcmd__connect__subcmd__ca__subcmd__set__subcmd__config"
                ;;
            fedctl__subcmd__connect__subcmd__ca__subcmd__help,get-config)
                cmd="fedctl__subcmd__connect__subcmd__ca__subcmd__help__subcmd__get__subcmd__config"
                ;;
            fedctl__subcmd__connect__subcmd__ca__subcmd__help,help)
                cmd="fedctl__subcmd__connect__subcmd__ca__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__connect__subcmd__ca__subcmd__help,set-config)
                cmd="fedctl__subcmd__connect__subcmd__ca__subcmd__help__subcmd__set__subcmd__config"
                ;;
            fedctl__subcmd__connect__subcmd__help,ca)
                cmd="fedctl__subcmd__connect__subcmd__help__subcmd__ca"
                ;;
            fedctl__subcmd__connect__subcmd__help,envoy)
                cmd="fedctl__subcmd__connect__subcmd__help__subcmd__envoy"
                ;;
            fedctl__subcmd__connect__subcmd__help,help)
                cmd="fedctl__subcmd__connect__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__connect__subcmd__help__subcmd__ca,get-config)
                cmd="fedctl__subcmd__connect__subcmd__help__subcmd__ca__subcmd__get__subcmd__config"
                ;;
            fedctl__subcmd__connect__subcmd__help__subcmd__ca,set-config)
                cmd="fedctl__subcmd__connect__subcmd__help__subcmd__ca__subcmd__set__subcmd__config"
                ;;
            fedctl__subcmd__debug,gateways)
                cmd="fedctl__subcmd__debug__subcmd__gateways"
                ;;
            fedctl__subcmd__debug,help)
                cmd="fedctl__subcmd__debug__subcmd__help"
                ;;
            fedctl__subcmd__debug,proxy)
                cmd="fedctl__subcmd__debug__subcmd__proxy"
                ;;
            fedctl__subcmd__debug__subcmd__help,gateways)
                cmd="fedctl__subcmd__debug__subcmd__help__subcmd__gateways"
                ;;
            fedctl__subcmd__debug__subcmd__help,help)
                cmd="fedctl__subcmd__debug__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__debug__subcmd__help,proxy)
                cmd="fedctl__subcmd__debug__subcmd__help__subcmd__proxy"
                ;;
            fedctl__subcmd__federation__subcmd__state,get)
                cmd="fedctl__subcmd__federation__subcmd__state__subcmd__get"
                ;;
            fedctl__subcmd__federation__subcmd__state,help)
                cmd="fedctl__subcmd__federation__subcmd__state__subcmd__help"
                ;;
            fedctl__subcmd__federation__subcmd__state,list)
                cmd="fedctl__subcmd__federation__subcmd__state__subcmd__list"
                ;;
            fedctl__subcmd__federation__subcmd__state__subcmd__help,get)
                cmd="fedctl__subcmd__federation__subcmd__state__subcmd__help__subcmd__get"
                ;;
            fedctl__subcmd__federation__subcmd__state__subcmd__help,help)
                cmd="fedctl__subcmd__federation__subcmd__state__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__federation__subcmd__state__subcmd__help,list)
                cmd="fedctl__subcmd__federation__subcmd__state__subcmd__help__subcmd__list"
                ;;
            fedctl__subcmd__help,acl)
                cmd="fedctl__subcmd__help__subcmd__acl"
                ;;
            fedctl__subcmd__help,agent)
                cmd="fedctl__subcmd__help__subcmd__agent"
                ;;
            fedctl__subcmd__help,catalog)
                cmd="fedctl__subcmd__help__subcmd__catalog"
                ;;
            fedctl__subcmd__help,completion)
                cmd="fedctl__subcmd__help__subcmd__completion"
                ;;
            fedctl__subcmd__help,config)
                cmd="fedctl__subcmd__help__subcmd__config"
                ;;
            fedctl__subcmd__help,connect)
                cmd="fedctl__subcmd__help__subcmd__connect"
                ;;
            fedctl__subcmd__help,debug)
                cmd="fedctl__subcmd__help__subcmd__debug"
                ;;
            fedctl__subcmd__help,federation-state)
                cmd="fedctl__subcmd__help__subcmd__federation__subcmd__state"
                ;;
            fedctl__subcmd__help,help)
                cmd="fedctl__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__help,intention)
                cmd="fedctl__subcmd__help__subcmd__intention"
                ;;
            fedctl__subcmd__help,internal)
                cmd="fedctl__subcmd__help__subcmd__internal"
                ;;
            fedctl__subcmd__help,keygen)
                cmd="fedctl__subcmd__help__subcmd__keygen"
                ;;
            fedctl__subcmd__help,keyring)
                cmd="fedctl__subcmd__help__subcmd__keyring"
                ;;
            fedctl__subcmd__help,kv)
                cmd="fedctl__subcmd__help__subcmd__kv"
                ;;
            fedctl__subcmd__help,lab)
                cmd="fedctl__subcmd__help__subcmd__lab"
                ;;
            fedctl__subcmd__help,leave)
                cmd="fedctl__subcmd__help__subcmd__leave"
                ;;
            fedctl__subcmd__help,members)
                cmd="fedctl__subcmd__help__subcmd__members"
                ;;
            fedctl__subcmd__help,operator)
                cmd="fedctl__subcmd__help__subcmd__operator"
                ;;
            fedctl__subcmd__help,services)
                cmd="fedctl__subcmd__help__subcmd__services"
                ;;
            fedctl__subcmd__help,tls)
                cmd="fedctl__subcmd__help__subcmd__tls"
                ;;
            fedctl__subcmd__help,version)
                cmd="fedctl__subcmd__help__subcmd__version"
                ;;
            fedctl__subcmd__help__subcmd__acl,bootstrap)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__bootstrap"
                ;;
            fedctl__subcmd__help__subcmd__acl,policy)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__policy"
                ;;
            fedctl__subcmd__help__subcmd__acl,role)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__role"
                ;;
            fedctl__subcmd__help__subcmd__acl,set-agent-token)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__set__subcmd__agent__subcmd__token"
                ;;
            fedctl__subcmd__help__subcmd__acl,token)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__token"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__policy,create)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__create"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__policy,delete)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__delete"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__policy,list)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__list"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__policy,read)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__read"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__policy,update)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__update"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__role,create)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__create"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__role,delete)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__delete"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__role,list)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__list"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__role,read)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__read"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__role,update)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__update"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__token,clone)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__clone"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__token,create)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__create"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__token,delete)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__delete"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__token,list)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__list"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__token,read)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__read"
                ;;
            fedctl__subcmd__help__subcmd__acl__subcmd__token,update)
                cmd="fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__update"
                ;;
            fedctl__subcmd__help__subcmd__catalog,datacenters)
                cmd="fedctl__subcmd__help__subcmd__catalog__subcmd__datacenters"
                ;;
            fedctl__subcmd__help__subcmd__catalog,nodes)
                cmd="fedctl__subcmd__help__subcmd__catalog__subcmd__nodes"
                ;;
            fedctl__subcmd__help__subcmd__catalog,services)
                cmd="fedctl__subcmd__help__subcmd__catalog__subcmd__services"
                ;;
            fedctl__subcmd__help__subcmd__config,delete)
                cmd="fedctl__subcmd__help__subcmd__config__subcmd__delete"
                ;;
            fedctl__subcmd__help__subcmd__config,list)
                cmd="fedctl__subcmd__help__subcmd__config__subcmd__list"
                ;;
            fedctl__subcmd__help__subcmd__config,read)
                cmd="fedctl__subcmd__help__subcmd__config__subcmd__read"
                ;;
            fedctl__subcmd__help__subcmd__config,write)
                cmd="fedctl__subcmd__help__subcmd__config__subcmd__write"
                ;;
            fedctl__subcmd__help__subcmd__connect,ca)
                cmd="fedctl__subcmd__help__subcmd__connect__subcmd__ca"
                ;;
            fedctl__subcmd__help__subcmd__connect,envoy)
                cmd="fedctl__subcmd__help__subcmd__connect__subcmd__envoy"
                ;;
            fedctl__subcmd__help__subcmd__connect__subcmd__ca,get-config)
                cmd="fedctl__subcmd__help__subcmd__connect__subcmd__ca__subcmd__get__subcmd__config"
                ;;
            fedctl__subcmd__help__subcmd__connect__subcmd__ca,set-config)
                cmd="fedctl__subcmd__help__subcmd__connect__subcmd__ca__subcmd__set__subcmd__config"
                ;;
            fedctl__subcmd__help__subcmd__debug,gateways)
                cmd="fedctl__subcmd__help__subcmd__debug__subcmd__gateways"
                ;;
            fedctl__subcmd__help__subcmd__debug,proxy)
                cmd="fedctl__subcmd__help__subcmd__debug__subcmd__proxy"
                ;;
            fedctl__subcmd__help__subcmd__federation__subcmd__state,get)
                cmd="fedctl__subcmd__help__subcmd__federation__subcmd__state__subcmd__get"
                ;;
            fedctl__subcmd__help__subcmd__federation__subcmd__state,list)
                cmd="fedctl__subcmd__help__subcmd__federation__subcmd__state__subcmd__list"
                ;;
            fedctl__subcmd__help__subcmd__intention,check)
                cmd="fedctl__subcmd__help__subcmd__intention__subcmd__check"
                ;;
            fedctl__subcmd__help__subcmd__intention,create)
                cmd="fedctl__subcmd__help__subcmd__intention__subcmd__create"
                ;;
            fedctl__subcmd__help__subcmd__intention,delete)
                cmd="fedctl__subcmd__help__subcmd__intention__subcmd__delete"
                ;;
            fedctl__subcmd__help__subcmd__intention,get)
                cmd="fedctl__subcmd__help__subcmd__intention__subcmd__get"
                ;;
            fedctl__subcmd__help__subcmd__intention,list)
                cmd="fedctl__subcmd__help__subcmd__intention__subcmd__list"
                ;;
            fedctl__subcmd__help__subcmd__intention,match)
                cmd="fedctl__subcmd__help__subcmd__intention__subcmd__match"
                ;;
            fedctl__subcmd__help__subcmd__internal,client-config)
                cmd="fedctl__subcmd__help__subcmd__internal__subcmd__client__subcmd__config"
                ;;
            fedctl__subcmd__help__subcmd__internal,echo)
                cmd="fedctl__subcmd__help__subcmd__internal__subcmd__echo"
                ;;
            fedctl__subcmd__help__subcmd__internal,envoy-ready)
                cmd="fedctl__subcmd__help__subcmd__internal__subcmd__envoy__subcmd__ready"
                ;;
            fedctl__subcmd__help__subcmd__internal,generate)
                cmd="fedctl__subcmd__help__subcmd__internal__subcmd__generate"
                ;;
            fedctl__subcmd__help__subcmd__kv,delete)
                cmd="fedctl__subcmd__help__subcmd__kv__subcmd__delete"
                ;;
            fedctl__subcmd__help__subcmd__kv,export)
                cmd="fedctl__subcmd__help__subcmd__kv__subcmd__export"
                ;;
            fedctl__subcmd__help__subcmd__kv,get)
                cmd="fedctl__subcmd__help__subcmd__kv__subcmd__get"
                ;;
            fedctl__subcmd__help__subcmd__kv,import)
                cmd="fedctl__subcmd__help__subcmd__kv__subcmd__import"
                ;;
            fedctl__subcmd__help__subcmd__kv,put)
                cmd="fedctl__subcmd__help__subcmd__kv__subcmd__put"
                ;;
            fedctl__subcmd__help__subcmd__lab,down)
                cmd="fedctl__subcmd__help__subcmd__lab__subcmd__down"
                ;;
            fedctl__subcmd__help__subcmd__lab,status)
                cmd="fedctl__subcmd__help__subcmd__lab__subcmd__status"
                ;;
            fedctl__subcmd__help__subcmd__lab,up)
                cmd="fedctl__subcmd__help__subcmd__lab__subcmd__up"
                ;;
            fedctl__subcmd__help__subcmd__operator,raft)
                cmd="fedctl__subcmd__help__subcmd__operator__subcmd__raft"
                ;;
            fedctl__subcmd__help__subcmd__operator__subcmd__raft,list-peers)
                cmd="fedctl__subcmd__help__subcmd__operator__subcmd__raft__subcmd__list__subcmd__peers"
                ;;
            fedctl__subcmd__help__subcmd__operator__subcmd__raft,remove-peer)
                cmd="fedctl__subcmd__help__subcmd__operator__subcmd__raft__subcmd__remove__subcmd__peer"
                ;;
            fedctl__subcmd__help__subcmd__services,deregister)
                cmd="fedctl__subcmd__help__subcmd__services__subcmd__deregister"
                ;;
            fedctl__subcmd__help__subcmd__services,register)
                cmd="fedctl__subcmd__help__subcmd__services__subcmd__register"
                ;;
            fedctl__subcmd__help__subcmd__tls,ca)
                cmd="fedctl__subcmd__help__subcmd__tls__subcmd__ca"
                ;;
            fedctl__subcmd__help__subcmd__tls,cert)
                cmd="fedctl__subcmd__help__subcmd__tls__subcmd__cert"
                ;;
            fedctl__subcmd__help__subcmd__tls__subcmd__ca,create)
                cmd="fedctl__subcmd__help__subcmd__tls__subcmd__ca__subcmd__create"
                ;;
            fedctl__subcmd__help__subcmd__tls__subcmd__cert,create)
                cmd="fedctl__subcmd__help__subcmd__tls__subcmd__cert__subcmd__create"
                ;;
            fedctl__subcmd__intention,check)
                cmd="fedctl__subcmd__intention__subcmd__check"
                ;;
            fedctl__subcmd__intention,create)
                cmd="fedctl__subcmd__intention__subcmd__create"
                ;;
            fedctl__subcmd__intention,delete)
                cmd="fedctl__subcmd__intention__subcmd__delete"
                ;;
            fedctl__subcmd__intention,get)
                cmd="fedctl__subcmd__intention__subcmd__get"
                ;;
            fedctl__subcmd__intention,help)
                cmd="fedctl__subcmd__intention__subcmd__help"
                ;;
            fedctl__subcmd__intention,list)
                cmd="fedctl__subcmd__intention__subcmd__list"
                ;;
            fedctl__subcmd__intention,match)
                cmd="fedctl__subcmd__intention__subcmd__match"
                ;;
            fedctl__subcmd__intention__subcmd__help,check)
                cmd="fedctl__subcmd__intention__subcmd__help__subcmd__check"
                ;;
            fedctl__subcmd__intention__subcmd__help,create)
                cmd="fedctl__subcmd__intention__subcmd__help__subcmd__create"
                ;;
            fedctl__subcmd__intention__subcmd__help,delete)
                cmd="fedctl__subcmd__intention__subcmd__help__subcmd__delete"
                ;;
            fedctl__subcmd__intention__subcmd__help,get)
                cmd="fedctl__subcmd__intention__subcmd__help__subcmd__get"
                ;;
            fedctl__subcmd__intention__subcmd__help,help)
                cmd="fedctl__subcmd__intention__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__intention__subcmd__help,list)
                cmd="fedctl__subcmd__intention__subcmd__help__subcmd__list"
                ;;
            fedctl__subcmd__intention__subcmd__help,match)
                cmd="fedctl__subcmd__intention__subcmd__help__subcmd__match"
                ;;
            fedctl__subcmd__internal,client-config)
                cmd="fedctl__subcmd__internal__subcmd__client__subcmd__config"
                ;;
            fedctl__subcmd__internal,echo)
                cmd="fedctl__subcmd__internal__subcmd__echo"
                ;;
            fedctl__subcmd__internal,envoy-ready)
                cmd="fedctl__subcmd__internal__subcmd__envoy__subcmd__ready"
                ;;
            fedctl__subcmd__internal,generate)
                cmd="fedctl__subcmd__internal__subcmd__generate"
                ;;
            fedctl__subcmd__internal,help)
                cmd="fedctl__subcmd__internal__subcmd__help"
                ;;
            fedctl__subcmd__internal__subcmd__help,client-config)
                cmd="fedctl__subcmd__internal__subcmd__help__subcmd__client__subcmd__config"
                ;;
            fedctl__subcmd__internal__subcmd__help,echo)
                cmd="fedctl__subcmd__internal__subcmd__help__subcmd__echo"
                ;;
            fedctl__subcmd__internal__subcmd__help,envoy-ready)
                cmd="fedctl__subcmd__internal__subcmd__help__subcmd__envoy__subcmd__ready"
                ;;
            fedctl__subcmd__internal__subcmd__help,generate)
                cmd="fedctl__subcmd__internal__subcmd__help__subcmd__generate"
                ;;
            fedctl__subcmd__internal__subcmd__help,help)
                cmd="fedctl__subcmd__internal__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__kv,delete)
                cmd="fedctl__subcmd__kv__subcmd__delete"
                ;;
            fedctl__subcmd__kv,export)
                cmd="fedctl__subcmd__kv__subcmd__export"
                ;;
            fedctl__subcmd__kv,get)
                cmd="fedctl__subcmd__kv__subcmd__get"
                ;;
            fedctl__subcmd__kv,help)
                cmd="fedctl__subcmd__kv__subcmd__help"
                ;;
            fedctl__subcmd__kv,import)
                cmd="fedctl__subcmd__kv__subcmd__import"
                ;;
            fedctl__subcmd__kv,put)
                cmd="fedctl__subcmd__kv__subcmd__put"
                ;;
            fedctl__subcmd__kv__subcmd__help,delete)
                cmd="fedctl__subcmd__kv__subcmd__help__subcmd__delete"
                ;;
            fedctl__subcmd__kv__subcmd__help,export)
                cmd="fedctl__subcmd__kv__subcmd__help__subcmd__export"
                ;;
            fedctl__subcmd__kv__subcmd__help,get)
                cmd="fedctl__subcmd__kv__subcmd__help__subcmd__get"
                ;;
            fedctl__subcmd__kv__subcmd__help,help)
                cmd="fedctl__subcmd__kv__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__kv__subcmd__help,import)
                cmd="fedctl__subcmd__kv__subcmd__help__subcmd__import"
                ;;
            fedctl__subcmd__kv__subcmd__help,put)
                cmd="fedctl__subcmd__kv__subcmd__help__subcmd__put"
                ;;
            fedctl__subcmd__lab,down)
                cmd="fedctl__subcmd__lab__subcmd__down"
                ;;
            fedctl__subcmd__lab,help)
                cmd="fedctl__subcmd__lab__subcmd__help"
                ;;
            fedctl__subcmd__lab,status)
                cmd="fedctl__subcmd__lab__subcmd__status"
                ;;
            fedctl__subcmd__lab,up)
                cmd="fedctl__subcmd__lab__subcmd__up"
                ;;
            fedctl__subcmd__lab__subcmd__help,down)
                cmd="fedctl__subcmd__lab__subcmd__help__subcmd__down"
                ;;
            fedctl__subcmd__lab__subcmd__help,help)
                cmd="fedctl__subcmd__lab__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__lab__subcmd__help,status)
                cmd="fedctl__subcmd__lab__subcmd__help__subcmd__status"
                ;;
            fedctl__subcmd__lab__subcmd__help,up)
                cmd="fedctl__subcmd__lab__subcmd__help__subcmd__up"
                ;;
            fedctl__subcmd__operator,help)
                cmd="fedctl__subcmd__operator__subcmd__help"
                ;;
            fedctl__subcmd__operator,raft)
                cmd="fedctl__subcmd__operator__subcmd__raft"
                ;;
            fedctl__subcmd__operator__subcmd__help,help)
                cmd="fedctl__subcmd__operator__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__operator__subcmd__help,raft)
                cmd="fedctl__subcmd__operator__subcmd__help__subcmd__raft"
                ;;
            fedctl__subcmd__operator__subcmd__help__subcmd__raft,list-peers)
                cmd="fedctl__subcmd__operator__subcmd__help__subcmd__raft__subcmd__list__subcmd__peers"
                ;;
            fedctl__subcmd__operator__subcmd__help__subcmd__raft,remove-peer)
                cmd="fedctl__subcmd__operator__subcmd__help__subcmd__raft__subcmd__remove__subcmd__peer"
                ;;
            fedctl__subcmd__operator__subcmd__raft,help)
                cmd="fedctl__subcmd__operator__subcmd__raft__subcmd__help"
                ;;
            fedctl__subcmd__operator__subcmd__raft,list-peers)
                cmd="fedctl__subcmd__operator__subcmd__raft__subcmd__list__subcmd__peers"
                ;;
            fedctl__subcmd__operator__subcmd__raft,remove-peer)
                cmd="fedctl__subcmd__operator__subcmd__raft__subcmd__remove__subcmd__peer"
                ;;
            fedctl__subcmd__operator__subcmd__raft__subcmd__help,help)
                cmd="fedctl__subcmd__operator__subcmd__raft__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__operator__subcmd__raft__subcmd__help,list-peers)
                cmd="fedctl__subcmd__operator__subcmd__raft__subcmd__help__subcmd__list__subcmd__peers"
                ;;
            fedctl__subcmd__operator__subcmd__raft__subcmd__help,remove-peer)
                cmd="fedctl__subcmd__operator__subcmd__raft__subcmd__help__subcmd__remove__subcmd__peer"
                ;;
            fedctl__subcmd__services,deregister)
                cmd="fedctl__subcmd__services__subcmd__deregister"
                ;;
            fedctl__subcmd__services,help)
                cmd="fedctl__subcmd__services__subcmd__help"
                ;;
            fedctl__subcmd__services,register)
                cmd="fedctl__subcmd__services__subcmd__register"
                ;;
            fedctl__subcmd__services__subcmd__help,deregister)
                cmd="fedctl__subcmd__services__subcmd__help__subcmd__deregister"
                ;;
            fedctl__subcmd__services__subcmd__help,help)
                cmd="fedctl__subcmd__services__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__services__subcmd__help,register)
                cmd="fedctl__subcmd__services__subcmd__help__subcmd__register"
                ;;
            fedctl__subcmd__tls,ca)
                cmd="fedctl__subcmd__tls__subcmd__ca"
                ;;
            fedctl__subcmd__tls,cert)
                cmd="fedctl__subcmd__tls__subcmd__cert"
                ;;
            fedctl__subcmd__tls,help)
                cmd="fedctl__subcmd__tls__subcmd__help"
                ;;
            fedctl__subcmd__tls__subcmd__ca,create)
                cmd="fedctl__subcmd__tls__subcmd__ca__subcmd__create"
                ;;
            fedctl__subcmd__tls__subcmd__ca,help)
                cmd="fedctl__subcmd__tls__subcmd__ca__subcmd__help"
                ;;
            fedctl__subcmd__tls__subcmd__ca__subcmd__help,create)
                cmd="fedctl__subcmd__tls__subcmd__ca__subcmd__help__subcmd__create"
                ;;
            fedctl__subcmd__tls__subcmd__ca__subcmd__help,help)
                cmd="fedctl__subcmd__tls__subcmd__ca__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__tls__subcmd__cert,create)
                cmd="fedctl__subcmd__tls__subcmd__cert__subcmd__create"
                ;;
            fedctl__subcmd__tls__subcmd__cert,help)
                cmd="fedctl__subcmd__tls__subcmd__cert__subcmd__help"
                ;;
            fedctl__subcmd__tls__subcmd__cert__subcmd__help,create)
                cmd="fedctl__subcmd__tls__subcmd__cert__subcmd__help__subcmd__create"
                ;;
            fedctl__subcmd__tls__subcmd__cert__subcmd__help,help)
                cmd="fedctl__subcmd__tls__subcmd__cert__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__tls__subcmd__help,ca)
                cmd="fedctl__subcmd__tls__subcmd__help__subcmd__ca"
                ;;
            fedctl__subcmd__tls__subcmd__help,cert)
                cmd="fedctl__subcmd__tls__subcmd__help__subcmd__cert"
                ;;
            fedctl__subcmd__tls__subcmd__help,help)
                cmd="fedctl__subcmd__tls__subcmd__help__subcmd__help"
                ;;
            fedctl__subcmd__tls__subcmd__help__subcmd__ca,create)
                cmd="fedctl__subcmd__tls__subcmd__help__subcmd__ca__subcmd__create"
                ;;
            fedctl__subcmd__tls__subcmd__help__subcmd__cert,create)
                cmd="fedctl__subcmd__tls__subcmd__help__subcmd__cert__subcmd__create"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        fedctl)
            opts="-h -V --help -help --version -version kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl)
            opts="-h -V --help -help --version -version bootstrap policy token role set-agent-token help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__bootstrap)
            opts="-h -V --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help)
            opts="bootstrap policy token role set-agent-token help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__bootstrap)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__policy)
            opts="create read update delete list"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__policy__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__role)
            opts="create read update delete list"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__role__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__set__subcmd__agent__subcmd__token)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__token)
            opts="create read update clone delete list"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__clone)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__help__subcmd__token__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy)
            opts="-h -V --help -help --version -version create read update delete list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__create)
            opts="-h -V --name -name --description -description --valid-datacenter -valid-datacenter --rules -rules --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description|-description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --valid-datacenter|-valid-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rules|-rules)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__delete)
            opts="-h -V --id -id --name -name --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__help)
            opts="create read update delete list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__help__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__list)
            opts="-h -V --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__read)
            opts="-h -V --id -id --name -name --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__policy__subcmd__update)
            opts="-h -V --id -id --name -name --description -description --valid-datacenter -valid-datacenter --rules -rules --no-merge -no-merge --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description|-description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --valid-datacenter|-valid-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rules|-rules)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role)
            opts="-h -V --help -help --version -version create read update delete list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__create)
            opts="-h -V --name -name --description -description --policy-id -policy-id --policy-name -policy-name --service-identity -service-identity --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description|-description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy-id|-policy-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy-name|-policy-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service-identity|-service-identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__delete)
            opts="-h -V --id -id --name -name --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__help)
            opts="create read update delete list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__help__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__list)
            opts="-h -V --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__read)
            opts="-h -V --id -id --name -name --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__role__subcmd__update)
            opts="-h -V --id -id --name -name --description -description --no-merge -no-merge --policy-id -policy-id --policy-name -policy-name --service-identity -service-identity --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description|-description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy-id|-policy-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy-name|-policy-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service-identity|-service-identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__set__subcmd__agent__subcmd__token)
            opts="-h -V --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token)
            opts="-h -V --help -help --version -version create read update clone delete list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__clone)
            opts="-h -V --id -id --description -description --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description|-description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__create)
            opts="-h -V --accessor -accessor --secret -secret --description -description --local -local --expires-ttl -expires-ttl --policy-id -policy-id --policy-name -policy-name --role-id -role-id --role-name -role-name --service-identity -service-identity --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --accessor|-accessor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secret|-secret)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description|-description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expires-ttl|-expires-ttl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy-id|-policy-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy-name|-policy-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --role-id|-role-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --role-name|-role-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service-identity|-service-identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__delete)
            opts="-h -V --id -id --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__help)
            opts="create read update clone delete list help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__clone)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__help__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__list)
            opts="-h -V --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__read)
            opts="-h -V --id -id --self -self --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__acl__subcmd__token__subcmd__update)
            opts="-h -V --id -id --description -description --merge-policies -merge-policies --merge-roles -merge-roles --merge-service-identities -merge-service-identities --policy-id -policy-id --policy-name -policy-name --role-id -role-id --role-name -role-name --service-identity -service-identity --format -format --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description|-description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy-id|-policy-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --policy-name|-policy-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --role-id|-role-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --role-name|-role-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service-identity|-service-identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__agent)
            opts="-h -V --dev -dev --server -server --bootstrap-expect -bootstrap-expect --node -node --datacenter -datacenter --data-dir -data-dir --bind -bind --advertise -advertise --client -client --http-port -http-port --server-port -server-port --serf-lan-port -serf-lan-port --serf-wan-port -serf-wan-port --grpc-port -grpc-port --grpc-tls-port -grpc-tls-port --https-port -https-port --dns-port -dns-port --domain -domain --retry-join -retry-join --join -join --retry-join-wan -retry-join-wan --join-wan -join-wan --encrypt -encrypt --primary-gateway -primary-gateway --primary-datacenter -primary-datacenter --config-file -config-file --config-dir -config-dir --log-level -log-level --log-json -log-json --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --bootstrap-expect|-bootstrap-expect)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --node|-node)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir|-data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bind|-bind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --advertise|-advertise)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client|-client)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-port|-http-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server-port|-server-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --serf-lan-port|-serf-lan-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --serf-wan-port|-serf-wan-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --grpc-port|-grpc-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --grpc-tls-port|-grpc-tls-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --https-port|-https-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dns-port|-dns-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --domain|-domain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --join|-join)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-join|-retry-join)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --join-wan|-join-wan)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry-join-wan|-retry-join-wan)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encrypt|-encrypt)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --primary-gateway|-primary-gateway)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --primary-datacenter|-primary-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config-file|-config-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --config-dir|-config-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-level|-log-level)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__catalog)
            opts="-h -V --help -help --version -version datacenters nodes services help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__catalog__subcmd__datacenters)
            opts="-h -V --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__catalog__subcmd__help)
            opts="datacenters nodes services help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__catalog__subcmd__help__subcmd__datacenters)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__catalog__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__catalog__subcmd__help__subcmd__nodes)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__catalog__subcmd__help__subcmd__services)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__catalog__subcmd__nodes)
            opts="-h -V --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__catalog__subcmd__services)
            opts="-h -V --tags -tags --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__completion)
            opts="-h -V --help -help --version -version bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config)
            opts="-h -V --help -help --version -version write read list delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__delete)
            opts="-h -V --kind -kind --name -name --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kind|-kind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__help)
            opts="write read list delete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__help__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__help__subcmd__write)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__list)
            opts="-h -V --kind -kind --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kind|-kind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__read)
            opts="-h -V --kind -kind --name -name --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --kind|-kind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__config__subcmd__write)
            opts="-h -V --cas -cas --modify-index -modify-index --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --modify-index|-modify-index)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect)
            opts="-h -V --help -help --version -version ca envoy help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__ca)
            opts="-h -V --help -help --version -version get-config set-config help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__ca__subcmd__get__subcmd__config)
            opts="-h -V --stale -stale --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__ca__subcmd__help)
            opts="get-config set-config help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__ca__subcmd__help__subcmd__get__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__ca__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__ca__subcmd__help__subcmd__set__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__ca__subcmd__set__subcmd__config)
            opts="-h -V --config-file -config-file --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --config-file|-config-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__envoy)
            opts="-h -V --gateway -gateway --mesh-gateway -mesh-gateway --register -register --expose-servers -expose-servers --address -address --wan-address -wan-address --bind-address -bind-address --sidecar-for -sidecar-for --service -service --proxy-id -proxy-id --admin-bind -admin-bind --admin-access-log-path -admin-access-log-path --bootstrap -bootstrap --envoy-log-level -envoy-log-level --envoy-log-path -envoy-log-path --envoy-binary -envoy-binary --grpc-addr -grpc-addr --deregister-after-critical -deregister-after-critical --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --gateway|-gateway)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --address|-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --wan-address|-wan-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bind-address|-bind-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sidecar-for|-sidecar-for)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service|-service)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proxy-id|-proxy-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --admin-bind|-admin-bind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --admin-access-log-path|-admin-access-log-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --envoy-log-level|-envoy-log-level)
                    COMPREPLY=($(compgen -W "trace debug info warning error critical off" -- "${cur}"))
                    return 0
                    ;;
                --envoy-log-path|-envoy-log-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --envoy-binary|-envoy-binary)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --grpc-addr|-grpc-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deregister-after-critical|-deregister-after-critical)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__help)
            opts="ca envoy help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__help__subcmd__ca)
            opts="get-config set-config"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__help__subcmd__ca__subcmd__get__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__help__subcmd__ca__subcmd__set__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__help__subcmd__envoy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__connect__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__debug)
            opts="-h -V --help -help --version -version gateways proxy help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__debug__subcmd__gateways)
            opts="-h -V --probe -probe --services -services --tries -tries --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --tries|-tries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__debug__subcmd__help)
            opts="gateways proxy help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__debug__subcmd__help__subcmd__gateways)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__debug__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__debug__subcmd__help__subcmd__proxy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__debug__subcmd__proxy)
            opts="-h -V --source -source --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --source|-source)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__federation__subcmd__state)
            opts="-h -V --help -help --version -version list get help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__federation__subcmd__state__subcmd__get)
            opts="-h -V --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__federation__subcmd__state__subcmd__help)
            opts="list get help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__federation__subcmd__state__subcmd__help__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__federation__subcmd__state__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__federation__subcmd__state__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__federation__subcmd__state__subcmd__list)
            opts="-h -V --stale-after -stale-after --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --stale-after|-stale-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help)
            opts="kv catalog services members leave connect config intention acl keygen keyring lab debug federation-state operator tls completion version internal agent help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl)
            opts="bootstrap policy token role set-agent-token"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__bootstrap)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__policy)
            opts="create read update delete list"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__policy__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__role)
            opts="create read update delete list"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__role__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__set__subcmd__agent__subcmd__token)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__token)
            opts="create read update clone delete list"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__clone)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__acl__subcmd__token__subcmd__update)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__agent)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__catalog)
            opts="datacenters nodes services"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__catalog__subcmd__datacenters)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__catalog__subcmd__nodes)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__catalog__subcmd__services)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__completion)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__config)
            opts="write read list delete"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__config__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__config__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__config__subcmd__read)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__config__subcmd__write)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__connect)
            opts="ca envoy"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__connect__subcmd__ca)
            opts="get-config set-config"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__connect__subcmd__ca__subcmd__get__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__connect__subcmd__ca__subcmd__set__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__connect__subcmd__envoy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__debug)
            opts="gateways proxy"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__debug__subcmd__gateways)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__debug__subcmd__proxy)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__federation__subcmd__state)
            opts="list get"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__federation__subcmd__state__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__federation__subcmd__state__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__intention)
            opts="create delete get list check match"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__intention__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__intention__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__intention__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__intention__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__intention__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__intention__subcmd__match)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__internal)
            opts="generate client-config envoy-ready echo"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__internal__subcmd__client__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__internal__subcmd__echo)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__internal__subcmd__envoy__subcmd__ready)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__internal__subcmd__generate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__keygen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__keyring)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__kv)
            opts="get put delete export import"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__kv__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__kv__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__kv__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__kv__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__kv__subcmd__put)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__lab)
            opts="up status down"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__lab__subcmd__down)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__lab__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__lab__subcmd__up)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__leave)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__members)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__operator)
            opts="raft"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__operator__subcmd__raft)
            opts="list-peers remove-peer"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__operator__subcmd__raft__subcmd__list__subcmd__peers)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__operator__subcmd__raft__subcmd__remove__subcmd__peer)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__services)
            opts="register deregister"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__services__subcmd__deregister)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__services__subcmd__register)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__tls)
            opts="ca cert"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__tls__subcmd__ca)
            opts="create"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__tls__subcmd__ca__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__tls__subcmd__cert)
            opts="create"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__tls__subcmd__cert__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__help__subcmd__version)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention)
            opts="-h -V --help -help --version -version create delete get list check match help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__check)
            opts="-h -V --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__create)
            opts="-h -V --allow -allow --deny -deny --replace -replace --meta -meta --file -file --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --meta|-meta)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__delete)
            opts="-h -V --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__get)
            opts="-h -V --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__help)
            opts="create delete get list check match help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__help__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__help__subcmd__match)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__list)
            opts="-h -V --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__intention__subcmd__match)
            opts="-h -V --source -source --destination -destination --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal)
            opts="-h -V --help -help --version -version generate client-config envoy-ready echo help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__client__subcmd__config)
            opts="-h -V --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --format -format --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__echo)
            opts="-h -V --listen -listen --name -name --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --listen|-listen)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__envoy__subcmd__ready)
            opts="-h -V --admin -admin --proxy-id -proxy-id --pid -pid --timeout -timeout --detach -detach --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --admin|-admin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proxy-id|-proxy-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pid|-pid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout|-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__generate)
            opts="-h -V --out-dir -out-dir --check -check --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --out-dir|-out-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__help)
            opts="generate client-config envoy-ready echo help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__help__subcmd__client__subcmd__config)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__help__subcmd__echo)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__help__subcmd__envoy__subcmd__ready)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__help__subcmd__generate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__internal__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__keygen)
            opts="-h -V --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__keyring)
            opts="-h -V --list -list --install -install --use -use --remove -remove --local-only -local-only --relay-factor -relay-factor --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --install|-install)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --use|-use)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --remove|-remove)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --relay-factor|-relay-factor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv)
            opts="-h -V --help -help --version -version get put delete export import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__delete)
            opts="-h -V --recurse -recurse --cas -cas --modify-index -modify-index --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --modify-index|-modify-index)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__export)
            opts="-h -V --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__get)
            opts="-h -V --recurse -recurse --keys -keys --separator -separator --detailed -detailed --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --separator|-separator)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__help)
            opts="get put delete export import help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__help__subcmd__delete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__help__subcmd__get)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__help__subcmd__import)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__help__subcmd__put)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__import)
            opts="-h -V --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__kv__subcmd__put)
            opts="-h -V --cas -cas --modify-index -modify-index --flags -flags --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --modify-index|-modify-index)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --flags|-flags)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__lab)
            opts="-h -V --help -help --version -version up status down help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__lab__subcmd__down)
            opts="-h -V --dir -dir --name -name --all -all --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir|-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__lab__subcmd__help)
            opts="up status down help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__lab__subcmd__help__subcmd__down)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__lab__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__lab__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__lab__subcmd__help__subcmd__up)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__lab__subcmd__status)
            opts="-h -V --dir -dir --name -name --all -all --format -format --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir|-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__lab__subcmd__up)
            opts="-h -V --datacenters -datacenters --servers -servers --gateways -gateways --dir -dir --name -name --detach -detach --isolate -isolate --insecure -insecure --demo -demo --format -format --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --datacenters|-datacenters)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --servers|-servers)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --gateways|-gateways)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dir|-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__leave)
            opts="-h -V --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__members)
            opts="-h -V --wan -wan --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator)
            opts="-h -V --help -help --version -version raft help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__help)
            opts="raft help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__help__subcmd__raft)
            opts="list-peers remove-peer"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__help__subcmd__raft__subcmd__list__subcmd__peers)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__help__subcmd__raft__subcmd__remove__subcmd__peer)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__raft)
            opts="-h -V --help -help --version -version list-peers remove-peer help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__raft__subcmd__help)
            opts="list-peers remove-peer help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__raft__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__raft__subcmd__help__subcmd__list__subcmd__peers)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__raft__subcmd__help__subcmd__remove__subcmd__peer)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__raft__subcmd__list__subcmd__peers)
            opts="-h -V --format -format --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__operator__subcmd__raft__subcmd__remove__subcmd__peer)
            opts="-h -V --address -address --id -id --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --address|-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__services)
            opts="-h -V --help -help --version -version register deregister help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__services__subcmd__deregister)
            opts="-h -V --id -id --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__services__subcmd__help)
            opts="register deregister help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__services__subcmd__help__subcmd__deregister)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__services__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__services__subcmd__help__subcmd__register)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__services__subcmd__register)
            opts="-h -V --name -name --id -id --address -address --port -port --tag -tag --meta -meta --http-addr -http-addr --token -token --token-file -token-file --ca-file -ca-file --client-cert -client-cert --client-key -client-key --tls-server-name -tls-server-name --datacenter -datacenter --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name|-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --id|-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --address|-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --port|-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tag|-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --meta|-meta)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --http-addr|-http-addr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token|-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --token-file|-token-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file|-ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-cert|-client-cert)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-key|-client-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-server-name|-tls-server-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --datacenter|-datacenter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls)
            opts="-h -V --help -help --version -version ca cert help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__ca)
            opts="-h -V --help -help --version -version create help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__ca__subcmd__create)
            opts="-h -V --days -days --domain -domain --name-constraint -name-constraint --additional-name-constraint -additional-name-constraint --common-name -common-name --format -format --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --days|-days)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --domain|-domain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --additional-name-constraint|-additional-name-constraint)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --common-name|-common-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__ca__subcmd__help)
            opts="create help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__ca__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__ca__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__cert)
            opts="-h -V --help -help --version -version create help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__cert__subcmd__create)
            opts="-h -V --ca -ca --key -key --server -server --client -client --cli -cli --dc -dc --domain -domain --node -node --days -days --additional-dnsname -additional-dnsname --additional-ipaddress -additional-ipaddress --format -format --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --ca|-ca)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key|-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dc|-dc)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --domain|-domain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --node|-node)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --days|-days)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --additional-dnsname|-additional-dnsname)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --additional-ipaddress|-additional-ipaddress)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__cert__subcmd__help)
            opts="create help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__cert__subcmd__help__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__cert__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__help)
            opts="ca cert help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__help__subcmd__ca)
            opts="create"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__help__subcmd__ca__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__help__subcmd__cert)
            opts="create"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__help__subcmd__cert__subcmd__create)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 5 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__tls__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        fedctl__subcmd__version)
            opts="-h -V --format -format --help -help --version -version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format|-format)
                    COMPREPLY=($(compgen -W "table json" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _fedctl -o nosort -o bashdefault -o default fedctl
else
    complete -F _fedctl -o bashdefault -o default fedctl
fi
