package tmplexec

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"text/template/parse"
)

// builtin evaluates one of text/template's predefined functions, with its
// semantics; any case whose result would be an error there falls back.
func (s *state) builtin(dot reflect.Value, name string, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	n := len(args) + btoi(hasFinal)
	// and and or evaluate their arguments one at a time and return the
	// one that decided.
	if name == "and" || name == "or" {
		if n == 0 {
			stop(fmt.Errorf("%s needs arguments", name))
		}
		var v reflect.Value
		for _, a := range args {
			v = s.arg(dot, a)
			if truth(concrete(v)) == (name == "or") {
				return v
			}
		}
		if hasFinal {
			v = final
		}
		return v
	}
	vals := make([]reflect.Value, 0, n)
	for _, a := range args {
		vals = append(vals, s.arg(dot, a))
	}
	if hasFinal {
		vals = append(vals, final)
	}
	switch name {
	case "not":
		if n != 1 {
			stop(errors.New("not needs one argument"))
		}
		return reflect.ValueOf(!truth(concrete(vals[0])))
	case "len":
		if n != 1 {
			stop(errors.New("len needs one argument"))
		}
		v, isNil := indirect(vals[0])
		if isNil {
			stop(errors.New("len of nil"))
		}
		switch v.Kind() {
		case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
			return reflect.ValueOf(v.Len())
		}
		stop(fmt.Errorf("len of %s", v.Kind()))
	case "eq":
		if n < 2 {
			stop(errors.New("eq needs two arguments or more"))
		}
		for _, v := range vals[1:] {
			c := compare(vals[0], v)
			if c == incomparable {
				stop(errors.New("eq cannot compare these"))
			}
			if c == 0 {
				return reflect.ValueOf(true)
			}
		}
		return reflect.ValueOf(false)
	case "ne", "lt", "le", "gt", "ge":
		if n != 2 {
			stop(fmt.Errorf("%s needs two arguments", name))
		}
		c := compare(vals[0], vals[1])
		if c == incomparable || name != "ne" && (c == unordered || basic(concrete(vals[0]).Kind()) == boolKind) {
			stop(fmt.Errorf("%s cannot compare these", name))
		}
		ok := map[string]bool{"ne": c != 0, "lt": c < 0, "le": c <= 0, "gt": c > 0, "ge": c >= 0}[name]
		return reflect.ValueOf(ok)
	case "print", "printf":
		if name == "printf" && n == 0 {
			stop(errors.New("printf needs a format"))
		}
		list := make([]any, 0, n)
		for _, v := range vals {
			if name == "printf" && len(list) == 0 {
				// The format is the first argument, a string.
				list = append(list, assign(v, stringType).String())
				continue
			}
			if !v.IsValid() || !v.CanInterface() {
				stop(errors.New("no value to print"))
			}
			list = append(list, v.Interface())
		}
		if name == "print" {
			return reflect.ValueOf(fmt.Sprint(list...))
		}
		return reflect.ValueOf(fmt.Sprintf(list[0].(string), list[1:]...))
	}
	stop(fmt.Errorf("builtin %s", name))
	return reflect.Value{}
}

// Results of compare besides -1, 0 and 1.
const (
	unordered    = 2 // equal or not, but without an order (bools)
	incomparable = 3 // text/template reports an error
)

// compare compares two values as text/template's eq and lt do: values
// of the same basic kind (bool, integer, string, float) by value, and
// signed with unsigned integers. Anything else is incomparable here.
func compare(a, b reflect.Value) int {
	a, b = concrete(a), concrete(b)
	if !a.IsValid() || !b.IsValid() {
		return incomparable
	}
	ka, kb := basic(a.Kind()), basic(b.Kind())
	switch {
	case ka == intKind && kb == intKind:
		return cmp.Compare(a.Int(), b.Int())
	case ka == uintKind && kb == uintKind:
		return cmp.Compare(a.Uint(), b.Uint())
	case ka == intKind && kb == uintKind:
		if a.Int() < 0 {
			return -1
		}
		return cmp.Compare(uint64(a.Int()), b.Uint())
	case ka == uintKind && kb == intKind:
		if b.Int() < 0 {
			return 1
		}
		return cmp.Compare(a.Uint(), uint64(b.Int()))
	case ka != kb:
		return incomparable
	case ka == stringKind:
		return cmp.Compare(a.String(), b.String())
	case ka == boolKind:
		if a.Bool() == b.Bool() {
			return 0
		}
		return unordered
	}
	return incomparable // floats (NaN) and the rest: leave them to text/template
}

type kind int

const (
	otherKind kind = iota
	boolKind
	intKind
	uintKind
	stringKind
)

func basic(k reflect.Kind) kind {
	switch k {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.String:
		return stringKind
	}
	return otherKind
}
