/*
 * article.c: construction and destruction of articles and quote lists.
 */
#include "config.h"

#include "article.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct article *
article_new(void)
{
	return xcalloc(1, sizeof(struct article));
}

void
article_free(struct article *a)
{
	if (a == NULL)
		return;
	free(a->date);
	free(a->time);
	free(a->title);
	free(a->source);
	free(a->url);
	free(a->text);
	free(a->origin);
	free(a->guid);
	free(a);
}

void
quote_list_init(struct quote_list *ql)
{
	ql->q = NULL;
	ql->n = ql->cap = 0;
}

struct quote *
quote_list_add(struct quote_list *ql)
{
	struct quote	*q;

	if (ql->n == ql->cap) {
		ql->cap = ql->cap == 0 ? 16 : ql->cap * 2;
		ql->q = xreallocarray(ql->q, ql->cap, sizeof(*ql->q));
	}
	q = &ql->q[ql->n++];
	memset(q, 0, sizeof(*q));
	return q;
}

void
quote_list_free(struct quote_list *ql)
{
	size_t	i;

	for (i = 0; i < ql->n; i++) {
		free(ql->q[i].speaker);
		free(ql->q[i].role);
	}
	free(ql->q);
	quote_list_init(ql);
}

const char *
quote_kind_name(enum quote_kind k)
{
	return k == QUOTE_DIRECT ? "direct" : "indirect";
}

const char *
speaker_kind_name(enum speaker_kind k)
{
	switch (k) {
	case SPEAKER_GROUP:
		return "group";
	case SPEAKER_INSTITUTION:
		return "institution";
	default:
		return "person";
	}
}

const char *
gender_name(enum gender g)
{
	switch (g) {
	case GENDER_MALE:
		return "male";
	case GENDER_FEMALE:
		return "female";
	default:
		return NULL;
	}
}
