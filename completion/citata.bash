# bash completion for citata: commands, their options, feeds' subcommands,
# speaker names after --speaker (from the archive, any word of the
# name), feed names after fetch and feeds remove, files after import and
# extract.  Installed where bash-completion looks
# ($(datadir)/bash-completion/completions/citata).

_citata_db_args()
{
	local i
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-d|--db)
			printf '%s\n' -d "${COMP_WORDS[i + 1]}"
			return ;;
		--db=*)
			printf '%s\n' "${COMP_WORDS[i]}"
			return ;;
		esac
	done
}

_citata()
{
	local cur prev cmd i words db
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	mapfile -t db < <(_citata_db_args)

	# The command: the first word that is not an option or -d's value.
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-d|--db|-c|--config) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done

	case $prev in
	-d|--db|-c|--config)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	esac

	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W \
			    '-c --config= -d --db= -h --help -V --version' \
			    -- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W 'import list show
			    export extract quotes speakers search reextract feeds
			    fetch' -- "$cur")
		fi
		return
	fi

	case $cur in
	--speaker=*)
		local IFS=$'\n' name
		words=$(citata "${db[@]}" speakers --format=tsv 2>/dev/null |
		    cut -f2)
		COMPREPLY=()
		for name in $words; do
			[[ $name == "${cur#--speaker=}"* ]] &&
			    COMPREPLY+=("--speaker=$name")
		done
		compopt -o nospace 2>/dev/null
		return ;;
	--format=*)
		words='text tsv jsonl'
		[[ $cmd == quotes ]] && words+=' cite'
		[[ $cmd == extract ]] && words='jsonl text'
		mapfile -t COMPREPLY < <(compgen -P --format= -W "$words" \
		    -- "${cur#--format=}")
		return ;;
	-*)
		case $cmd in
		import|reextract) words='--batch=' ;;
		list) words='--starred --format=' ;;
		speakers) words='--format=' ;;
		show) words='--width=' ;;
		extract) words='--format=' ;;
		quotes) words='--speaker= --article= --format= --set-speaker=
		    --reject' ;;
		search) words='--quotes --limit= --format=' ;;
		feeds) words='--name= --format=' ;;
		fetch) words='--jobs= --timeout=' ;;
		*) words= ;;
		esac
		mapfile -t COMPREPLY < <(compgen -W "$words --help" -- "$cur")
		[[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
		return ;;
	esac

	case $cmd in
	import|extract)
		mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
	feeds)
		if [[ $prev == feeds ]]; then
			mapfile -t COMPREPLY < <(compgen -W \
			    'add list remove import export' -- "$cur")
		elif [[ ${COMP_WORDS[*]} == *" remove "* ]]; then
			local IFS=$'\n'
			mapfile -t COMPREPLY < <(compgen -W "$(citata "${db[@]}" \
			    feeds list --format=tsv 2>/dev/null | cut -f2)" \
			    -- "$cur")
		elif [[ ${COMP_WORDS[*]} == *" import "* ]]; then
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		fi ;;
	fetch)
		local IFS=$'\n'
		mapfile -t COMPREPLY < <(compgen -W "$(citata "${db[@]}" \
		    feeds list --format=tsv 2>/dev/null | cut -f2)" -- "$cur") ;;
	esac
}
complete -F _citata citata
