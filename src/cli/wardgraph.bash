# bash completion for wardgraph: commands, each command's options, and the
# values of the options that take a fixed set.
_wardgraph()
{
    local cur prev cmd i
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    local commands="extract add build rank communities neighbors path stats ego view"
    local reader="--force --inputs --encoding --lexicon -j --jobs -q --quiet"
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    case $prev in
        --format)
            case $cmd in
                extract) COMPREPLY=($(compgen -W "jsonl tsv" -- "$cur")) ;;
                build) COMPREPLY=($(compgen -W "graphml gexf csv json" -- "$cur")) ;;
                rank|communities|neighbors) COMPREPLY=($(compgen -W "table tsv json" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "table json" -- "$cur")) ;;
            esac
            return ;;
        --gexf-version) COMPREPLY=($(compgen -W "1.2 1.3" -- "$cur")); return ;;
        --window) COMPREPLY=($(compgen -W "article paragraph sentence" -- "$cur")); return ;;
        --presence) COMPREPLY=($(compgen -W "mentioned participant all" -- "$cur")); return ;;
        --weight) COMPREPLY=($(compgen -W "meetings newman" -- "$cur")); return ;;
        --kind) COMPREPLY=($(compgen -W "meeting all" -- "$cur")); return ;;
        --per) COMPREPLY=($(compgen -W "year quarter month" -- "$cur")); return ;;
        --by) COMPREPLY=($(compgen -W "degree strength betweenness closeness harmonic pagerank eigenvector hub authority coreness clustering" -- "$cur")); return ;;
        --method) COMPREPLY=($(compgen -W "leiden louvain" -- "$cur")); return ;;
        --type) COMPREPLY=($(compgen -W "official ward committee project meeting" -- "$cur")); return ;;
        --lexicon) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --encoding|--depth|--min-weight|--resolution|--seed|--members|--top|--approx|-j|--jobs|--title) return ;;
        -o|--output|--write|--aliases|--report|--inputs) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        local opts
        case $cmd in
            extract) opts="-o --output --format --text $reader" ;;
            add) opts="--reextract $reader" ;;
            build) opts="-o --output --format --gexf-version --all-formats --window --min-weight --bipartite --presence --weight --kind --keep-duplicates --no-relations --no-layout --aliases --report --since --until --province $reader" ;;
            rank) opts="--by --unweighted --min-weight --normalized --approx --seed --type --top --format --per --since --until --province" ;;
            communities) opts="--method --resolution --seed --unweighted --min-weight --members --top --format --write" ;;
            neighbors) opts="--depth --min-weight --type --format" ;;
            path) opts="--unweighted --format" ;;
            stats) opts="--format" ;;
            ego) opts="--depth -o --output" ;;
            view) opts="-o --output --title" ;;
        esac
        COMPREPLY=($(compgen -W "$opts -h --help" -- "$cur"))
        return
    fi
    case $cmd in
        extract|add|build) COMPREPLY=($(compgen -f -- "$cur")) ;;
        *) COMPREPLY=($(compgen -f -X '!*.graphml' -- "$cur") $(compgen -d -- "$cur")) ;;
    esac
}
complete -F _wardgraph wardgraph
